import { StateError } from "../errors/index.js";
import { isValidPlugName, isValidSnapName, type AttrMap } from "../snap/index.js";

export const STATE_FORMAT = 1;

export interface SnapState {
  readonly revision: string;
  /** Highest local revision number handed out to this snap (x1, x2, …). */
  readonly "last-local-revision": number;
  /** Where the snap was installed from, for the record. */
  readonly source: string;
  readonly dangerous: boolean;
  /** From the snap-declaration the snap was installed with; absent for --dangerous installs. */
  readonly "snap-id"?: string;
  readonly "publisher-id"?: string;
  /** Kept so a refresh can tell a move from classic to strict confinement. */
  readonly confinement?: "strict" | "devmode" | "classic";
}

export interface ConnectionState {
  readonly interface: string;
  readonly auto: boolean;
  readonly "by-gadget": boolean;
  readonly undesired: boolean;
  readonly "plug-static": AttrMap;
  readonly "slot-static": AttrMap;
}

export interface WarningState {
  readonly message: string;
  readonly "first-added": string;
  readonly "last-added": string;
}

export interface State {
  readonly format: typeof STATE_FORMAT;
  readonly snaps: Readonly<Record<string, SnapState>>;
  /** Keyed "plugsnap:plug slotsnap:slot". */
  readonly connections: Readonly<Record<string, ConnectionState>>;
  readonly warnings: readonly WarningState[];
}

export const EMPTY_STATE: State = { format: STATE_FORMAT, snaps: {}, connections: {}, warnings: [] };

const REVISION_RE = /^(?:x[1-9][0-9]*|[1-9][0-9]*)$/;
const CONN_KEY_RE = /^([a-z0-9-]+):([a-z0-9-]+) ([a-z0-9-]+):([a-z0-9-]+)$/;

/** Parses and checks the state file; anything unexpected is a StateError that changes nothing. */
export function parseState(text: string, file: string): State {
  const bad = (what: string): never => {
    throw new StateError(
      `state file ${file} is unreadable: ${what}; nothing was changed. Restore it from a backup, or move it aside to start with no snaps installed`,
    );
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return bad(`not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(raw)) return bad("expected a JSON object");
  if (raw["format"] !== STATE_FORMAT) {
    return bad(`format ${JSON.stringify(raw["format"])} is not one this version understands (${STATE_FORMAT})`);
  }
  const snaps = raw["snaps"];
  const connections = raw["connections"];
  const warnings = raw["warnings"];
  if (!isObject(snaps) || !isObject(connections) || !Array.isArray(warnings)) return bad("missing snaps, connections or warnings");
  for (const [name, s] of Object.entries(snaps)) {
    if (!isValidSnapName(name)) bad(`invalid snap name ${JSON.stringify(name)}`);
    if (
      !isObject(s) ||
      typeof s["revision"] !== "string" ||
      !REVISION_RE.test(s["revision"]) ||
      typeof s["last-local-revision"] !== "number" ||
      typeof s["source"] !== "string" ||
      typeof s["dangerous"] !== "boolean" ||
      !optionalString(s["snap-id"]) ||
      !optionalString(s["publisher-id"]) ||
      !(s["confinement"] === undefined || ["strict", "devmode", "classic"].includes(s["confinement"] as string))
    ) {
      bad(`malformed entry for snap ${JSON.stringify(name)}`);
    }
  }
  for (const [key, c] of Object.entries(connections)) {
    const m = CONN_KEY_RE.exec(key);
    if (!m || !isValidSnapName(m[1]!) || !isValidPlugName(m[2]!) || !isValidSnapName(m[3]!) || !isValidPlugName(m[4]!)) {
      bad(`malformed connection key ${JSON.stringify(key)}`);
    }
    if (
      !isObject(c) ||
      typeof c["interface"] !== "string" ||
      typeof c["auto"] !== "boolean" ||
      typeof c["by-gadget"] !== "boolean" ||
      typeof c["undesired"] !== "boolean" ||
      !isObject(c["plug-static"]) ||
      !isObject(c["slot-static"])
    ) {
      bad(`malformed connection ${JSON.stringify(key)}`);
    }
  }
  for (const w of warnings) {
    if (!isObject(w) || typeof w["message"] !== "string" || typeof w["first-added"] !== "string" || typeof w["last-added"] !== "string") {
      bad("malformed warning");
    }
  }
  return raw as unknown as State;
}

/** Stable text: sorted keys, so the same state is the same bytes. */
export function serializeState(state: State): string {
  return JSON.stringify(sortKeys(state), null, 2) + "\n";
}

/** JSON with sorted keys: equal for equal values whatever order their keys were built in. */
export function canonicalJson(v: unknown): string | undefined {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

function optionalString(v: unknown): boolean {
  return v === undefined || (typeof v === "string" && /^[a-zA-Z0-9._-]+$/.test(v));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
