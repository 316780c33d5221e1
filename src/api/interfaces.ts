// POST /v2/interfaces: connect, disconnect and forget, as the snap command
// and snapd-glib send them. The request is checked and resolved against the
// loaded system before anything is queued, so a wrong name is answered at
// once (400, snapd's shape); the work itself is an async change.
import { isPlugboardError } from "../errors/index.js";
import { connect, disconnect, type LoadedSystem } from "../ops/index.js";
import type { Paths } from "../paths/index.js";
import { formatRef, type Ref } from "../repo/index.js";
import { isValidPlugName, isValidSnapName } from "../snap/index.js";
import type { ChangeLog } from "./change.js";
import { asyncResponse, badRequest, errorResponse, type ApiResponse } from "./response.js";

/** One side of an action; names may be empty where snapd allows it (the slot of a connect). */
interface ActionRef {
  readonly snap: string;
  readonly name: string;
}

export interface InterfaceAction {
  readonly action: "connect" | "disconnect";
  readonly plug: ActionRef;
  readonly slot: ActionRef;
  readonly forget: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Decodes and checks the body as snapd does, with its messages; anything else is refused before it reaches the state. */
export function parseInterfaceAction(body: Buffer): InterfaceAction | ApiResponse {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch (e) {
    return badRequest(`cannot decode request body into an interface action: ${(e as Error).message}`);
  }
  if (!isObject(raw)) return badRequest("cannot decode request body into an interface action: not a JSON object");
  const { action, plugs = [], slots = [], forget = false } = raw;
  if (typeof action !== "string") return badRequest(action === undefined ? "interface action not specified" : "cannot decode request body into an interface action: action is not a string");
  if (action === "") return badRequest("interface action not specified");
  if (!Array.isArray(plugs) || !Array.isArray(slots)) return badRequest("cannot decode request body into an interface action: plugs and slots must be lists");
  if (typeof forget !== "boolean") return badRequest("cannot decode request body into an interface action: forget must be true or false");
  if (plugs.length > 1 || slots.length > 1) return errorResponse(501, "many-to-many operations are not implemented");
  if (action !== "connect" && action !== "disconnect") return badRequest(`unsupported interface action: ${JSON.stringify(action)}`);
  if (plugs.length === 0 || slots.length === 0) return badRequest("at least one plug and slot is required");
  const ref = (v: unknown, key: "plug" | "slot"): ActionRef | ApiResponse => {
    if (!isObject(v)) return badRequest(`cannot decode request body into an interface action: a ${key} must be an object`);
    const snap = v["snap"] ?? "";
    const name = v[key] ?? "";
    if (typeof snap !== "string" || typeof name !== "string") return badRequest(`cannot decode request body into an interface action: ${key} snap and name must be strings`);
    if (snap !== "" && !isValidSnapName(snap)) return badRequest(`invalid snap name: ${JSON.stringify(snap)}`);
    if (name !== "" && !isValidPlugName(name)) return badRequest(`invalid ${key} name: ${JSON.stringify(name)}`);
    return { snap, name };
  };
  const plug = ref(plugs[0], "plug");
  if ("status" in plug) return plug;
  const slot = ref(slots[0], "slot");
  if ("status" in slot) return slot;
  return { action, plug, slot, forget };
}

/** What the handler needs from the agent. */
export interface InterfaceActionContext {
  readonly paths: Paths;
  readonly changes: ChangeLog;
  readonly system: LoadedSystem;
  /** Called when a change's work has finished, done or failed: what is loaded may be stale. */
  readonly changed: () => void;
}

const installed = (sys: LoadedSystem, snap: string): boolean => snap === "" || sys.repo.snap(snap) !== undefined;

/** Resolution failures are the user's (a name that is not there): 400 with the message, as snapd answers them. */
function resolving<T>(f: () => T): T | ApiResponse {
  try {
    return f();
  } catch (e) {
    if (isPlugboardError(e)) return badRequest(e.message);
    throw e;
  }
}

export function changeInterfaces(a: InterfaceAction, ctx: InterfaceActionContext): ApiResponse {
  const { system: sys, changes } = ctx;
  for (const r of [a.plug, a.slot]) if (!installed(sys, r.snap)) return badRequest(`snap ${JSON.stringify(r.snap)} is not installed`);
  const finishing = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } finally {
      ctx.changed();
    }
  };

  if (a.action === "connect") {
    const plugRef: Ref = a.plug;
    const slotRef: Ref | undefined = a.slot.snap === "" && a.slot.name === "" ? undefined : a.slot;
    const resolved = resolving(() => sys.repo.resolveConnect(plugRef, slotRef));
    if ("status" in resolved) return resolved;
    const plug = { snap: resolved.plug.snap, name: resolved.plug.name };
    const slot = { snap: resolved.slot.snap, name: resolved.slot.name };
    const summary = `Connect ${formatRef(plug)} to ${formatRef(slot)}`;
    const snapNames = [...new Set([plug.snap, slot.snap])].sort();
    const existing = sys.repo.connection(plug, slot);
    if (existing && !existing.undesired) return asyncResponse(changes.done({ kind: "connect-snap", summary, snapNames }).id);
    const c = changes.start({ kind: "connect-snap", summary, snapNames, tasks: [{ kind: "connect", summary }] }, () => finishing(() => connect(ctx.paths, plug, slot)));
    return asyncResponse(c.id);
  }

  // `snap disconnect SNAP:NAME` sends the one name as the slot, with an empty plug.
  const onlyOne = a.plug.snap === "" && a.plug.name === "";
  const first: Ref = onlyOne ? a.slot : a.plug;
  const second: Ref | undefined = onlyOne ? undefined : a.slot;
  const found = resolving(() => sys.repo.resolveDisconnect(first, second, a.forget));
  if ("status" in found) return found;
  if (found.length === 0) return errorResponse(400, "nothing to do", "interfaces-unchanged");
  const tasks = found.map((c) => ({ kind: "disconnect", summary: `Disconnect ${formatRef(c.plug)} from ${formatRef(c.slot)}` }));
  const summary = found.length === 1 ? tasks[0]!.summary : `Disconnect ${formatRef(first)}${second ? ` from ${formatRef(second)}` : ""}`;
  const snapNames = [...new Set(found.flatMap((c) => [c.plug.snap, c.slot.snap]))].sort();
  const c = changes.start({ kind: "disconnect-snap", summary, snapNames, tasks }, () => finishing(() => disconnect(ctx.paths, first, second, { forget: a.forget })));
  return asyncResponse(c.id);
}
