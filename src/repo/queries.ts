import type { Ref } from "./refs.js";
import type { Repository } from "./repository.js";

export interface InterfacesFilter {
  /** Only this snap (system aliases allowed), and only this plug or slot when name is set. */
  readonly snap?: string;
  readonly name?: string;
  readonly interface?: string;
}

export interface EndpointView {
  readonly snap: string;
  readonly name: string;
  readonly interface: string;
  /** The other ends of its connections in force. */
  readonly connections: readonly Ref[];
}

export interface InterfacesView {
  readonly slots: readonly EndpointView[];
  readonly plugs: readonly EndpointView[];
}

/** Data behind `interfaces`: every slot with its connected plugs, and every plug. */
export function interfacesView(repo: Repository, filter: InterfacesFilter = {}): InterfacesView {
  const snap = filter.snap === undefined ? undefined : repo.canonicalSnap(filter.snap);
  const active = repo.activeConnections();
  const matchesIface = (i: string) => filter.interface === undefined || filter.interface === i;
  const mine = (s: string, n: string) => snap === undefined || (s === snap && (filter.name === undefined || filter.name === n));

  const slots: EndpointView[] = [];
  for (const slot of repo.allSlots()) {
    if (!matchesIface(slot.interface)) continue;
    let plugs = active.filter((c) => c.slot.snap === slot.snap && c.slot.name === slot.name).map((c) => c.plug);
    if (!mine(slot.snap, slot.name)) {
      // A slot of another snap appears when one of the filtered snap's plugs is connected to it.
      plugs = plugs.filter((p) => mine(p.snap, p.name));
      if (plugs.length === 0) continue;
    }
    slots.push({ snap: slot.snap, name: slot.name, interface: slot.interface, connections: plugs });
  }
  const plugs: EndpointView[] = [];
  for (const plug of repo.allPlugs()) {
    if (!matchesIface(plug.interface) || !mine(plug.snap, plug.name)) continue;
    const to = active.filter((c) => c.plug.snap === plug.snap && c.plug.name === plug.name).map((c) => c.slot);
    plugs.push({ snap: plug.snap, name: plug.name, interface: plug.interface, connections: to });
  }
  return { slots, plugs };
}

export interface ConnectionRow {
  readonly interface: string;
  readonly plug: Ref | null;
  readonly slot: Ref | null;
  readonly manual: boolean;
  readonly gadget: boolean;
}

/**
 * Data behind `connections`: connections in force; with a snap, also that
 * snap's unconnected plugs and slots; with `all`, every unconnected one.
 */
export function connectionsView(repo: Repository, opts: { snap?: string; all?: boolean } = {}): ConnectionRow[] {
  const snap = opts.snap === undefined ? undefined : repo.canonicalSnap(opts.snap);
  const rows: ConnectionRow[] = [];
  const active = repo.activeConnections();
  for (const c of active) {
    if (snap !== undefined && c.plug.snap !== snap && c.slot.snap !== snap) continue;
    rows.push({ interface: c.interface, plug: c.plug, slot: c.slot, manual: !c.auto, gadget: c.byGadget });
  }
  if (snap !== undefined || opts.all) {
    const inScope = (s: string) => opts.all || s === snap;
    for (const p of repo.allPlugs()) {
      if (!inScope(p.snap) || active.some((c) => c.plug.snap === p.snap && c.plug.name === p.name)) continue;
      rows.push({ interface: p.interface, plug: { snap: p.snap, name: p.name }, slot: null, manual: false, gadget: false });
    }
    for (const s of repo.allSlots()) {
      if (!inScope(s.snap) || active.some((c) => c.slot.snap === s.snap && c.slot.name === s.name)) continue;
      rows.push({ interface: s.interface, plug: null, slot: { snap: s.snap, name: s.name }, manual: false, gadget: false });
    }
  }
  const key = (r: ConnectionRow) =>
    `${r.interface}\u0000${r.plug ? `${r.plug.snap}:${r.plug.name}` : "\uffff"}\u0000${r.slot ? `${r.slot.snap}:${r.slot.name}` : ""}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
