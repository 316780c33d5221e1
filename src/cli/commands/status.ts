import type { Command } from "commander";
import { jsonWanted, pathsFrom, printJson } from "../context.js";
import { formatTable } from "../table.js";

export function register(program: Command): void {
  program
    .command("status")
    .description("per app: profile hash, loaded in the kernel, seccomp filter, udev tag; and the agent's last apply and counters")
    .option("--json", "print as JSON")
    .action(async (_opts: unknown, cmd: Command) => {
      const { systemStatus } = await import("../../ops/index.js");
      const s = await systemStatus(pathsFrom(cmd));
      if (jsonWanted(cmd)) return printJson(s);
      const yn = (b: boolean) => (b ? "yes" : "no");
      process.stdout.write(`confinement: ${s.confinement.level}${s.confinement.note ? ` (${s.confinement.note})` : ""}\n\n`);
      process.stdout.write(formatTable(["App", "Profile", "AppArmor", "Seccomp", "Udev"], s.apps.map((a) => [a.tag, a.profile ?? "-", a.loaded, yn(a.seccompFilter), yn(a.udevTagged)])));
      const agent = s.agent as { lastApply?: string; lastDurationMs?: number; lastError?: string } | null;
      process.stdout.write(agent ? `\nagent: last apply ${agent.lastApply ?? "never"} (${agent.lastDurationMs ?? 0} ms)${agent.lastError ? `, last error: ${agent.lastError}` : ""}\n` : "\nagent: has not run\n");
    });
}
