import type { Command } from "commander";
import { jsonWanted, pathsFrom, printJson } from "../context.js";

export function register(program: Command): void {
  program
    .command("warnings")
    .description("list warnings recorded by earlier commands (e.g. bad plugs or slots)")
    .option("--json", "print as JSON")
    .action(async (_opts: unknown, cmd: Command) => {
      const { readState } = await import("../../state/index.js");
      const state = await readState(pathsFrom(cmd));
      if (jsonWanted(cmd)) return printJson(state.warnings);
      if (state.warnings.length === 0) {
        process.stdout.write("No warnings.\n");
        return;
      }
      for (const w of state.warnings) process.stdout.write(`last-occurrence:  ${w["last-added"]}\nwarning: |\n  ${w.message}\n---\n`);
    });
}
