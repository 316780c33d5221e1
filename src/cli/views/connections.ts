// `connections`, laid out as snap lays it out from GET /v2/connections: one
// row per connection (and with --all or a snap, per unconnected plug and
// slot; the system snap's unconnected slots only when it is the snap asked
// for), sorted by interface, then plug, then slot.
import { formatTable } from "../table.js";
import { endpointName, isSystemSnap, type ConnectionJson, type ConnectionsJson } from "./endpoints.js";

export interface ConnectionRow {
  readonly interface: string;
  /** "[LABEL]" for a content connection: the content both sides share. */
  readonly determinant: string;
  readonly plug: { readonly snap: string; readonly plug: string } | null;
  readonly slot: { readonly snap: string; readonly slot: string } | null;
  readonly manual: boolean;
  readonly gadget: boolean;
}

function determinant(c: ConnectionJson): string {
  if (c.interface !== "content") return "";
  const label = c["plug-attrs"]?.["content"] || c["slot-attrs"]?.["content"];
  return typeof label === "string" && label !== "" ? `[${label}]` : "";
}

const plugText = (r: ConnectionRow) => (r.plug ? endpointName(r.plug.snap, r.plug.plug) : "-");
const slotText = (r: ConnectionRow) => (r.slot ? endpointName(r.slot.snap, r.slot.slot) : "-");

export function connectionRows(data: ConnectionsJson, opts: { readonly snap: string; readonly all: boolean }): ConnectionRow[] {
  const rows: ConnectionRow[] = data.established.map((c) => ({
    interface: c.interface,
    determinant: determinant(c),
    plug: c.plug,
    slot: c.slot,
    manual: c.manual === true,
    gadget: c.gadget === true,
  }));
  if (opts.all) {
    for (const p of data.plugs) {
      if ((p.connections ?? []).length === 0) rows.push({ interface: p.interface, determinant: "", plug: { snap: p.snap, plug: p.plug ?? "" }, slot: null, manual: false, gadget: false });
    }
    for (const s of data.slots) {
      if (!isSystemSnap(opts.snap) && isSystemSnap(s.snap)) continue;
      if ((s.connections ?? []).length === 0) rows.push({ interface: s.interface, determinant: "", plug: null, slot: { snap: s.snap, slot: s.slot ?? "" }, manual: false, gadget: false });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => cmp(a.interface, b.interface) || cmp(plugText(a), plugText(b)) || cmp(slotText(a), slotText(b)));
}

const notes = (r: ConnectionRow): string => [r.manual ? "manual" : "", r.gadget ? "gadget" : ""].filter(Boolean).join(",") || "-";

/** The table; nothing at all when there is no row, as snap prints nothing then. */
export function formatConnections(rows: readonly ConnectionRow[]): string {
  if (rows.length === 0) return "";
  return formatTable(
    ["Interface", "Plug", "Slot", "Notes"],
    rows.map((r) => [r.interface + r.determinant, plugText(r), slotText(r), notes(r)]),
  );
}
