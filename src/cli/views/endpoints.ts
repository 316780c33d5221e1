// The shapes GET /v2/connections answers with, as the CLI reads them, and
// the way snap names endpoints in its tables.

export interface EndpointRefJson {
  readonly snap: string;
  readonly plug?: string;
  readonly slot?: string;
}

export interface EndpointJson {
  readonly snap: string;
  readonly plug?: string;
  readonly slot?: string;
  readonly interface: string;
  readonly attrs?: Record<string, unknown>;
  readonly connections?: readonly EndpointRefJson[];
}

export interface ConnectionJson {
  readonly plug: { readonly snap: string; readonly plug: string };
  readonly slot: { readonly snap: string; readonly slot: string };
  readonly interface: string;
  readonly manual?: boolean;
  readonly gadget?: boolean;
  readonly "plug-attrs"?: Record<string, unknown>;
  readonly "slot-attrs"?: Record<string, unknown>;
}

export interface ConnectionsJson {
  readonly established: readonly ConnectionJson[];
  readonly undesired?: readonly ConnectionJson[];
  readonly plugs: readonly EndpointJson[];
  readonly slots: readonly EndpointJson[];
}

/** The names by which users and snap's tables mean the system snap. */
export const isSystemSnap = (snap: string): boolean => snap === "core" || snap === "snapd" || snap === "system";

/** "snap:name", or ":name" on the system snap. */
export const endpointName = (snap: string, name: string): string => (isSystemSnap(snap) ? `:${name}` : `${snap}:${name}`);

/** What a user typed for `interfaces`: SNAP, SNAP:NAME, or :NAME (that name on any snap); undefined when it is neither. */
export function parseQuery(arg: string | undefined): { snap: string; name: string } | undefined {
  if (arg === undefined) return { snap: "", name: "" };
  const parts = arg.split(":");
  if (parts.length > 2) return undefined;
  const [snap = "", name = ""] = parts;
  // "snap:" is spelled "snap"; a trailing colon names nothing.
  if (parts.length === 2 && name === "") return undefined;
  if (snap === "" && name === "") return undefined;
  return { snap, name };
}
