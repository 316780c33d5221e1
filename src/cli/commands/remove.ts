import type { Command } from "commander";
import { pathsFrom } from "../context.js";

export function register(program: Command): void {
  program
    .command("remove")
    .description("remove a snap and its connections")
    .argument("<snap>", "installed snap name")
    .action(async (snap: string, _opts: unknown, cmd: Command) => {
      const { removeSnap } = await import("../../ops/index.js");
      const r = await removeSnap(pathsFrom(cmd), snap);
      process.stdout.write(`${r.name} removed\n`);
    });
}
