import type { Command } from "commander";
import { jsonWanted, pathsFrom, printJson } from "../context.js";
import { formatTable } from "../table.js";

export function register(program: Command): void {
  program
    .command("connections")
    .description("list connections; with a snap, also its unconnected plugs and slots")
    .argument("[snap]", "only connections of this snap")
    .option("--all", "include every unconnected plug and slot")
    .option("--json", "print as JSON")
    .action(async (snap: string | undefined, opts: { all?: boolean }, cmd: Command) => {
      const [{ loadSystem }, { connectionsView, parseRef }] = await Promise.all([import("../../ops/index.js"), import("../../repo/index.js")]);
      if (snap !== undefined) parseRef(snap, "snap");
      const { repo } = await loadSystem(pathsFrom(cmd));
      const rows = connectionsView(repo, { ...(snap !== undefined ? { snap } : {}), all: opts.all === true });
      if (jsonWanted(cmd)) {
        return printJson(
          rows.map((r) => ({
            interface: r.interface,
            plug: r.plug ? { snap: r.plug.snap, plug: r.plug.name } : null,
            slot: r.slot ? { snap: r.slot.snap, slot: r.slot.name } : null,
            manual: r.manual,
            gadget: r.gadget,
          })),
        );
      }
      const note = (r: (typeof rows)[number]) => (r.gadget ? "gadget" : r.manual && r.plug && r.slot ? "manual" : "-");
      process.stdout.write(
        formatTable(
          ["Interface", "Plug", "Slot", "Notes"],
          rows.map((r) => [r.interface, r.plug ? `${r.plug.snap}:${r.plug.name}` : "-", r.slot ? repo.displaySlot(r.slot) : "-", note(r)]),
        ),
      );
    });
}
