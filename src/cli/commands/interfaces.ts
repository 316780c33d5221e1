import type { Command } from "commander";
import { PlugboardError, UsageError } from "../../errors/index.js";
import { openApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";
import { parseQuery, type ConnectionsJson } from "../views/endpoints.js";
import { formatInterfaces, interfacesView } from "../views/interfaces.js";

export function register(program: Command): void {
  program
    .command("interfaces")
    .description("list slots with the plugs connected to them, and unconnected plugs")
    .argument("[snap-or-ref]", "only this snap, or SNAP:NAME for one plug or slot")
    .option("-i, --interface <name>", "only this interface")
    .option("--json", "print as JSON")
    .action(async (filterArg: string | undefined, opts: { interface?: string }, cmd: Command) => {
      const q = parseQuery(filterArg);
      if (q === undefined) throw new UsageError(`invalid value: ${JSON.stringify(filterArg)} (want snap:name or snap)`);
      const query = new URLSearchParams({ select: "all" });
      if (q.snap !== "") query.set("snap", q.snap);
      const api = await openApi(cmd);
      const data = (await api.get(`/v2/connections?${query}`)) as ConnectionsJson;
      if (data.plugs.length === 0 && data.slots.length === 0) throw new PlugboardError("no interfaces found");
      const view = interfacesView(data, { ...q, interface: opts.interface ?? "" });
      if (jsonWanted(cmd)) {
        return printJson({
          slots: view.slots.map((s) => ({ snap: s.snap, slot: s.slot, interface: s.interface, plugs: (s.connections ?? []).map((p) => ({ snap: p.snap, plug: p.plug })) })),
          plugs: view.plugs.map((p) => ({ snap: p.snap, plug: p.plug, interface: p.interface, slots: (p.connections ?? []).map((s) => ({ snap: s.snap, slot: s.slot })) })),
        });
      }
      process.stdout.write(formatInterfaces(view));
    });
}
