import type { Command } from "commander";
import type { SystemStatus } from "../../ops/index.js";
import { openApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";
import { formatTable } from "../table.js";

export function register(program: Command): void {
  program
    .command("status")
    .description("per app: profile hash, loaded in the kernel, seccomp filter, udev tag; and the agent's last apply and counters")
    .option("--json", "print as JSON")
    .action(async (_opts: unknown, cmd: Command) => {
      const api = await openApi(cmd);
      const s = (await api.get("/v2/plugboard/status")) as SystemStatus & { mode: "agent" | "direct" };
      if (jsonWanted(cmd)) return printJson(s);
      const yn = (b: boolean) => (b ? "yes" : "no");
      process.stdout.write(`mode: ${s.mode === "agent" ? `the agent answered (on ${api.agent!.socket})` : "direct (no agent runs; the files were read by this command)"}\n`);
      process.stdout.write(`confinement: ${s.confinement.level}${s.confinement.note ? ` (${s.confinement.note})` : ""}\n\n`);
      process.stdout.write(formatTable(["App", "Profile", "AppArmor", "Seccomp", "Udev"], s.apps.map((a) => [a.tag, a.profile ?? "-", a.loaded, yn(a.seccompFilter), yn(a.udevTagged)])));
      const agent = s.agent as { lastApply?: string; lastDurationMs?: number; lastError?: string } | null;
      process.stdout.write(agent ? `\nagent: last apply ${agent.lastApply ?? "never"} (${agent.lastDurationMs ?? 0} ms)${agent.lastError ? `, last error: ${agent.lastError}` : ""}\n` : "\nagent: has not run\n");
    });
}
