import type { Command } from "commander";
import { pathsFrom } from "../context.js";

export function register(program: Command): void {
  program
    .command("remove")
    .description("remove a snap and its connections")
    .argument("<snap>", "installed snap name")
    .option("--dry-run", "print the generated files that would change, as a unified diff; change nothing")
    .action(async (snap: string, opts: { dryRun?: boolean }, cmd: Command) => {
      const [{ removeSnap }, { printDryRun, warnIfNotLoaded }] = await Promise.all([import("../../ops/index.js"), import("../files.js")]);
      const r = await removeSnap(pathsFrom(cmd), snap, opts);
      if (opts.dryRun) return printDryRun(r.files);
      warnIfNotLoaded(r.files, pathsFrom(cmd).root);
      process.stdout.write(`${r.name} removed\n`);
    });
}
