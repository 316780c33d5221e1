import type { Command } from "commander";
import { pathsFrom } from "../context.js";

export function register(program: Command): void {
  program
    .command("disconnect")
    .description("disconnect a plug from a slot, or every connection of one plug or slot")
    .argument("<snap:plug-or-slot>", "a plug, or a slot (all its connections)")
    .argument("[snap:slot]", "the slot to disconnect the plug from")
    .option("--forget", "forget an automatic connection instead of remembering it as undesired")
    .option("--dry-run", "print the generated files that would change, as a unified diff; change nothing")
    .action(async (first: string, second: string | undefined, opts: { forget?: boolean; dryRun?: boolean }, cmd: Command) => {
      const [{ disconnect }, { parseRef }, { printDryRun, warnIfNotLoaded }] = await Promise.all([import("../../ops/index.js"), import("../../repo/index.js"), import("../files.js")]);
      const r = await disconnect(pathsFrom(cmd), parseRef(first, "plug or slot"), second === undefined ? undefined : parseRef(second, "slot"), opts);
      if (opts.dryRun) await printDryRun(r.files);
      else warnIfNotLoaded(r.files, pathsFrom(cmd).root);
    });
}
