import type { Command } from "commander";
import { PlugboardError } from "../../errors/index.js";
import { openApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";
import { formatList, type SnapJson } from "../views/list.js";

export function register(program: Command): void {
  program
    .command("list")
    .description("list installed snaps, as snap list does")
    .argument("[snap...]", "only these snaps")
    .option("--json", "print as JSON (the API's snap objects)")
    .action(async (names: string[], _opts: unknown, cmd: Command) => {
      const api = await openApi(cmd);
      const query = names.length ? `?snaps=${encodeURIComponent(names.join(","))}` : "";
      const snaps = (await api.get(`/v2/snaps${query}`)) as SnapJson[];
      if (jsonWanted(cmd)) return printJson(snaps);
      if (snaps.length === 0) {
        if (names.length) throw new PlugboardError("no matching snaps installed");
        return void process.stderr.write("No snaps are installed yet. Try 'plugboard install --dangerous DIR'.\n");
      }
      process.stdout.write(formatList(snaps));
    });
}
