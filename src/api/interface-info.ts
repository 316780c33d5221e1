// GET /v2/interfaces. Without select it is the legacy listing (every plug and
// slot with its connections, what old clients and `snap interfaces` of long
// ago read); with select=all or select=connected it lists the interfaces
// themselves, by name, with their plugs and slots only when asked for.
import type { InterfaceRegistry } from "../iface/index.js";
import type { Repository } from "../repo/index.js";
import { compareRefs, connectionsResponse } from "./connections.js";
import { badRequest, syncResponse, type ApiResponse } from "./response.js";

export interface InterfacesQuery {
  /** Interfaces with at least one connection only. */
  readonly connected: boolean;
  /** Only these, in name order; unknown names are left out, as snapd leaves them out. */
  readonly names?: readonly string[];
  readonly plugs: boolean;
  readonly slots: boolean;
}

export function parseInterfacesQuery(params: URLSearchParams): InterfacesQuery | "legacy" | ApiResponse {
  const select = params.get("select") ?? "";
  if (select === "") return "legacy";
  if (select !== "all" && select !== "connected") return badRequest("unsupported select qualifier");
  const names = (params.get("names") ?? "").split(",").filter((n) => n !== "");
  // doc=true asks for documentation links; no interface has one, so it changes nothing.
  return { connected: select === "connected", ...(names.length ? { names } : {}), plugs: params.get("plugs") === "true", slots: params.get("slots") === "true" };
}

export function legacyInterfacesResponse(repo: Repository): ApiResponse {
  const all = connectionsResponse(repo, { all: true }).body["result"] as Record<string, unknown>;
  return syncResponse({ plugs: all["plugs"], slots: all["slots"] });
}

export function interfacesResponse(repo: Repository, registry: InterfaceRegistry, q: InterfacesQuery): ApiResponse {
  const connected = new Set(repo.connections().filter((c) => !c.undesired && repo.plug(c.plug) && repo.slot(c.slot)).map((c) => c.interface));
  const names = q.names ? [...new Set(q.names)].sort() : registry.all().map((m) => m.name);
  const result = [];
  for (const name of names) {
    const m = registry.get(name);
    if (!m || (q.connected && !connected.has(name))) continue;
    const entry: Record<string, unknown> = { name, summary: m.summary };
    const side = <T extends { snap: string; name: string; interface: string; attrs: object; label?: string }>(kind: "plug" | "slot", list: T[]) =>
      list
        .filter((e) => e.interface === name)
        .sort(compareRefs)
        .map((e) => ({ snap: e.snap, [kind]: e.name, ...(Object.keys(e.attrs).length ? { attrs: e.attrs } : {}), ...(e.label ? { label: e.label } : {}) }));
    if (q.plugs) {
      const plugs = side("plug", repo.allPlugs());
      if (plugs.length) entry["plugs"] = plugs;
    }
    if (q.slots) {
      const slots = side("slot", repo.allSlots());
      if (slots.length) entry["slots"] = slots;
    }
    result.push(entry);
  }
  return syncResponse(result);
}
