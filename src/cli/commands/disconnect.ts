import type { Command } from "commander";
import { openApi } from "../api.js";
import { pathsFrom } from "../context.js";

const NOTHING = "No connections to disconnect\n";

export function register(program: Command): void {
  program
    .command("disconnect")
    .description("disconnect a plug from a slot, or every connection of one plug or slot")
    .argument("<snap:plug-or-slot>", "a plug, or a slot (all its connections)")
    .argument("[snap:slot]", "the slot to disconnect the plug from")
    .option("--forget", "forget an automatic connection instead of remembering it as undesired")
    .option("--dry-run", "print the generated files that would change, as a unified diff; change nothing")
    .action(async (first: string, second: string | undefined, opts: { forget?: boolean; dryRun?: boolean }, cmd: Command) => {
      const { parseRef } = await import("../../repo/refs.js");
      const a = parseRef(first, "plug or slot");
      const b = second === undefined ? undefined : parseRef(second, "slot");
      const api = opts.dryRun ? undefined : await openApi(cmd);
      if (api?.agent) {
        const [{ runChange }, { ApiError }] = await Promise.all([import("../change.js"), import("../../client/index.js")]);
        // snap's request: one name alone goes in the slots, with an empty plug.
        const [plug, slot] = b === undefined ? [{ snap: "", name: "" }, a] : [a, b];
        try {
          await runChange(api.agent, "/v2/interfaces", {
            action: "disconnect",
            plugs: [{ snap: plug.snap, plug: plug.name }],
            slots: [{ snap: slot.snap, slot: slot.name }],
            ...(opts.forget ? { forget: true } : {}),
          });
        } catch (e) {
          if (e instanceof ApiError && e.kind === "interfaces-unchanged") return void process.stdout.write(NOTHING);
          throw e;
        }
        return;
      }
      const [{ disconnect }, { printDryRun, warnIfNotLoaded }] = await Promise.all([import("../../ops/index.js"), import("../files.js")]);
      const r = await disconnect(pathsFrom(cmd), a, b, opts);
      if (opts.dryRun) return printDryRun(r.files);
      if (r.disconnected.length === 0) process.stdout.write(NOTHING);
      warnIfNotLoaded(r.files, pathsFrom(cmd).root);
    });
}
