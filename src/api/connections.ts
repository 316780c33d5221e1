// GET /v2/connections: the connections in force (and, with select=all, the
// undesired ones and every unconnected plug and slot), with the plugs and
// slots they involve, in snapd's order and shape.
import type { Connection, Repository } from "../repo/index.js";
import type { AttrMap, PlugInfo } from "../snap/index.js";
import { badRequest, snapNotFound, syncResponse, type ApiResponse } from "./response.js";

interface EndpointRef {
  readonly snap: string;
  readonly name: string;
}

const refKey = (r: EndpointRef) => `${r.snap}:${r.name}`;
/** snapd orders references by snap name, then plug or slot name. */
export const compareRefs = (a: EndpointRef, b: EndpointRef): number => (a.snap !== b.snap ? (a.snap < b.snap ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export interface ConnectionsQuery {
  readonly snap?: string;
  readonly interface?: string;
  /** select=all: undesired connections and unconnected plugs and slots too. */
  readonly all: boolean;
}

/** Reads the query as snapd does: select may be empty or "all", nothing else. */
export function parseConnectionsQuery(params: URLSearchParams): ConnectionsQuery | ApiResponse {
  const select = params.get("select") ?? "";
  if (select !== "" && select !== "all") return badRequest("unsupported select qualifier");
  const snap = params.get("snap") ?? "";
  const iface = params.get("interface") ?? "";
  return { all: select === "all", ...(snap ? { snap } : {}), ...(iface ? { interface: iface } : {}) };
}

const withoutEmpty = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0) && !(typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)));

/** The apps an endpoint is bound to, as snapd lists them (hooks are not apps). */
const appsOf = (e: PlugInfo): string[] => e.apps.filter((a) => !a.startsWith("hook."));

export function endpointJson(kind: "plug" | "slot", e: PlugInfo, connections: EndpointRef[]): Record<string, unknown> {
  const other = kind === "plug" ? "slot" : "plug";
  return withoutEmpty({
    snap: e.snap,
    [kind]: e.name,
    interface: e.interface,
    attrs: e.attrs as AttrMap,
    apps: appsOf(e),
    label: e.label,
    connections: [...connections].sort(compareRefs).map((r) => ({ snap: r.snap, [other]: r.name })),
  });
}

function connectionJson(c: Connection): Record<string, unknown> {
  return withoutEmpty({
    slot: { snap: c.slot.snap, slot: c.slot.name },
    plug: { snap: c.plug.snap, plug: c.plug.name },
    interface: c.interface,
    // An undesired record is shown as manual: a user's disconnect made it.
    manual: !c.auto || c.undesired ? true : undefined,
    gadget: c.byGadget ? true : undefined,
    "slot-attrs": c.slotStatic,
    "plug-attrs": c.plugStatic,
  });
}

export function connectionsResponse(repo: Repository, query: ConnectionsQuery): ApiResponse {
  const snap = query.snap === undefined ? undefined : repo.canonicalSnap(query.snap);
  if (snap !== undefined && repo.snap(snap) === undefined) return snapNotFound(query.snap!);
  const ifaceMatches = (name: string) => query.interface === undefined || query.interface === name;
  const onSnap = (r: EndpointRef) => snap === undefined || r.snap === snap;

  const established: Connection[] = [];
  const undesired: Connection[] = [];
  const plugConnections = new Map<string, EndpointRef[]>();
  const slotConnections = new Map<string, EndpointRef[]>();
  for (const c of repo.connections()) {
    if (c.undesired && !query.all) continue;
    // A record whose plug or slot is gone (its snap lost it at a refresh) is not shown.
    if (repo.plug(c.plug) === undefined || repo.slot(c.slot) === undefined) continue;
    if (!onSnap(c.plug) && !onSnap(c.slot)) continue;
    if (!ifaceMatches(c.interface)) continue;
    if (c.undesired) {
      undesired.push(c);
      continue;
    }
    established.push(c);
    plugConnections.set(refKey(c.plug), [...(plugConnections.get(refKey(c.plug)) ?? []), c.slot]);
    slotConnections.set(refKey(c.slot), [...(slotConnections.get(refKey(c.slot)) ?? []), c.plug]);
  }
  // A plug or slot belongs to the answer when it is of the snap asked for, or connected to it.
  const endpoints = (kind: "plug" | "slot", all: PlugInfo[], connected: Map<string, EndpointRef[]>) =>
    all
      .filter((e) => {
        const conns = connected.get(refKey(e));
        if (conns === undefined && !query.all) return false;
        if (!ifaceMatches(e.interface)) return false;
        return onSnap(e) || (conns ?? []).some(onSnap);
      })
      .sort(compareRefs)
      .map((e) => endpointJson(kind, e, connected.get(refKey(e)) ?? []));
  const byConnection = (a: Connection, b: Connection) => compareRefs(a.plug, b.plug) || compareRefs(a.slot, b.slot);
  // established, plugs and slots are always present (as lists); undesired only when there are any.
  const result: Record<string, unknown> = { established: established.sort(byConnection).map(connectionJson) };
  if (undesired.length) result["undesired"] = undesired.sort(byConnection).map(connectionJson);
  result["plugs"] = endpoints("plug", repo.allPlugs(), plugConnections);
  result["slots"] = endpoints("slot", repo.allSlots(), slotConnections);
  return syncResponse(result);
}
