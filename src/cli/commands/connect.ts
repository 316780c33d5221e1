import type { Command } from "commander";
import { openApi } from "../api.js";
import { pathsFrom } from "../context.js";

export function register(program: Command): void {
  program
    .command("connect")
    .description("connect a plug to a slot; with no slot, the system snap's one slot of the plug's interface")
    .argument("<snap:plug>", "the plug to connect")
    .argument("[snap:slot]", "the slot: SNAP:SLOT, :SLOT or core:SLOT for the system snap, or SNAP for its one matching slot")
    .option("--dry-run", "print the generated files that would change, as a unified diff; change nothing")
    .action(async (plugArg: string, slotArg: string | undefined, opts: { dryRun?: boolean }, cmd: Command) => {
      const { parseRef } = await import("../../repo/refs.js");
      const plug = parseRef(plugArg, "plug");
      const slot = slotArg === undefined ? undefined : parseRef(slotArg, "slot");
      const api = opts.dryRun ? undefined : await openApi(cmd);
      if (api?.agent) {
        const { runChange } = await import("../change.js");
        // snap's request: the slot may be empty (the system snap's), or name a snap alone.
        await runChange(api.agent, "/v2/interfaces", { action: "connect", plugs: [{ snap: plug.snap, plug: plug.name }], slots: [{ snap: slot?.snap ?? "", slot: slot?.name ?? "" }] });
        return;
      }
      const [{ connect }, { printDryRun, warnIfNotLoaded }] = await Promise.all([import("../../ops/index.js"), import("../files.js")]);
      const r = await connect(pathsFrom(cmd), plug, slot, opts);
      if (opts.dryRun) await printDryRun(r.files);
      else warnIfNotLoaded(r.files, pathsFrom(cmd).root);
    });
}
