import type { Command } from "commander";
import { openApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";

export function register(program: Command): void {
  program
    .command("profiles")
    .description("print the path and current content of every file generated for a snap (or one app)")
    .argument("<snap[.app]>", "a snap, or SNAP.APP for one app's files")
    .option("--json", "print as JSON")
    .action(async (target: string, _opts: unknown, cmd: Command) => {
      const api = await openApi(cmd);
      const files = (await api.get(`/v2/plugboard/profiles?target=${encodeURIComponent(target)}`)) as { path: string; content: string }[];
      if (jsonWanted(cmd)) return printJson(files);
      process.stdout.write(files.map((f) => `==> ${f.path} <==\n${f.content}${f.content.endsWith("\n") ? "" : "\n"}`).join("\n"));
    });
}
