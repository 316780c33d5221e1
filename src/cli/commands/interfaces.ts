import type { Command } from "commander";
import type { Ref } from "../../repo/index.js";
import { jsonWanted, pathsFrom, printJson } from "../context.js";
import { formatTable } from "../table.js";

export function register(program: Command): void {
  program
    .command("interfaces")
    .description("list slots with the plugs connected to them, and unconnected plugs")
    .argument("[snap-or-ref]", "only this snap, or SNAP:NAME for one plug or slot")
    .option("-i, --interface <name>", "only this interface")
    .option("--json", "print as JSON")
    .action(async (filterArg: string | undefined, opts: { interface?: string }, cmd: Command) => {
      const [{ loadSystem }, { parseRef, interfacesView }] = await Promise.all([import("../../ops/index.js"), import("../../repo/index.js")]);
      const { repo } = await loadSystem(pathsFrom(cmd));
      const ref = filterArg === undefined ? undefined : parseRef(filterArg, "snap or plug/slot");
      const view = interfacesView(repo, {
        ...(ref ? { snap: ref.snap } : {}),
        ...(ref && ref.name !== "" ? { name: ref.name } : {}),
        ...(opts.interface !== undefined ? { interface: opts.interface } : {}),
      });
      if (jsonWanted(cmd)) {
        return printJson({
          slots: view.slots.map((s) => ({ snap: s.snap, slot: s.name, interface: s.interface, plugs: s.connections.map((p) => ({ snap: p.snap, plug: p.name })) })),
          plugs: view.plugs.map((p) => ({ snap: p.snap, plug: p.name, interface: p.interface, slots: p.connections.map((s) => ({ snap: s.snap, slot: s.name })) })),
        });
      }
      const rows: string[][] = [];
      for (const s of view.slots) {
        // A connected plug named like the slot is shown by its snap name alone, as snap does.
        const plugs = s.connections.map((p: Ref) => (p.name === s.name ? p.snap : `${p.snap}:${p.name}`));
        rows.push([repo.displaySlot(s), plugs.length ? plugs.join(",") : "-"]);
      }
      for (const p of view.plugs) if (p.connections.length === 0) rows.push(["-", `${p.snap}:${p.name}`]);
      process.stdout.write(formatTable(["Slot", "Plug"], rows));
    });
}
