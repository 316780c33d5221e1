import type { Command } from "commander";
import { jsonWanted, pathsFrom, printJson } from "../context.js";

export function register(program: Command): void {
  program
    .command("denials")
    .argument("[snap...]", "only denials of these snaps")
    .description("read AppArmor and seccomp denials from the kernel log, grouped by snap and app, with the interface that would grant each")
    .option("--since <time>", "only denials since this time (as journalctl --since understands it)")
    .option("--file <path>", "read this log file instead of the kernel log")
    .option("--json", "print as JSON")
    .action(async (snaps: string[], opts: { since?: string; file?: string }, cmd: Command) => {
      const [{ reportDenials }, { parseRef }] = await Promise.all([import("../../ops/index.js"), import("../../repo/index.js")]);
      for (const s of snaps) parseRef(s, "snap");
      const rows = await reportDenials(pathsFrom(cmd), { ...opts, snaps });
      if (jsonWanted(cmd)) return printJson(rows);
      if (rows.length === 0) return void process.stdout.write("No denials.\n");
      let last = "";
      for (const r of rows) {
        const head = `${r.snap}.${r.app}`;
        if (head !== last) process.stdout.write(`${last ? "\n" : ""}${head}:\n`);
        last = head;
        process.stdout.write(`  ${r.access}${r.count > 1 ? ` (${r.count} times)` : ""}\n    → ${r.suggestion}\n`);
      }
    });
}
