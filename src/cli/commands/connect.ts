import type { Command } from "commander";
import { pathsFrom } from "../context.js";

export function register(program: Command): void {
  program
    .command("connect")
    .description("connect a plug to a slot; with no slot, the only matching slot (the system snap's first)")
    .argument("<snap:plug>", "the plug to connect")
    .argument("[snap:slot]", "the slot: SNAP:SLOT, :SLOT or core:SLOT for the system snap, or just SNAP")
    .option("--dry-run", "print the generated files that would change, as a unified diff; change nothing")
    .action(async (plugArg: string, slotArg: string | undefined, opts: { dryRun?: boolean }, cmd: Command) => {
      const [{ connect }, { parseRef }, { printDryRun, warnIfNotLoaded }] = await Promise.all([import("../../ops/index.js"), import("../../repo/index.js"), import("../files.js")]);
      const r = await connect(pathsFrom(cmd), parseRef(plugArg, "plug"), slotArg === undefined ? undefined : parseRef(slotArg, "slot"), opts);
      if (opts.dryRun) await printDryRun(r.files);
      else warnIfNotLoaded(r.files, pathsFrom(cmd).root);
    });
}
