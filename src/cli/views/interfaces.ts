// `interfaces`, laid out as snap lays it out from GET /v2/connections
// (select=all): every slot in the server's order with the plugs connected to
// it, then every unconnected plug; a query narrows both.
import { formatTable } from "../table.js";
import { endpointName, isSystemSnap, type ConnectionsJson, type EndpointJson } from "./endpoints.js";

export interface InterfacesQuery {
  readonly snap: string;
  readonly name: string;
  readonly interface: string;
}

export interface InterfacesView {
  readonly slots: readonly EndpointJson[];
  readonly plugs: readonly EndpointJson[];
}

export function interfacesView(data: ConnectionsJson, q: InterfacesQuery): InterfacesView {
  const slotWanted = (s: EndpointJson): boolean => {
    if (q.snap !== "") {
      const ok = q.snap === s.snap || (isSystemSnap(q.snap) && isSystemSnap(s.snap)) || (s.connections ?? []).some((c) => c.snap === q.snap);
      if (!ok) return false;
    }
    return (q.name === "" || q.name === s.slot) && (q.interface === "" || q.interface === s.interface);
  };
  const plugWanted = (p: EndpointJson): boolean =>
    (q.snap === "" || q.snap === p.snap) && (q.name === "" || q.name === p.plug) && (q.interface === "" || q.interface === p.interface);
  return { slots: data.slots.filter(slotWanted), plugs: data.plugs.filter(plugWanted) };
}

export function formatInterfaces(view: InterfacesView): string {
  const rows: string[][] = [];
  for (const s of view.slots) {
    // A connected plug named like the slot is shown by its snap name alone.
    const plugs = (s.connections ?? []).map((c) => (c.plug === s.slot ? c.snap : `${c.snap}:${c.plug}`));
    rows.push([endpointName(s.snap, s.slot ?? ""), plugs.length ? plugs.join(",") : "-"]);
  }
  for (const p of view.plugs) if ((p.connections ?? []).length === 0) rows.push(["-", `${p.snap}:${p.plug}`]);
  return formatTable(["Slot", "Plug"], rows);
}
