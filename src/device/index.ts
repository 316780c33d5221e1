import { ValidationError } from "../errors/index.js";
import { parseYaml11, type YNode } from "../yaml/index.js";

export type DeviceMode = "classic" | "core";
export const SYSTEM_SNAP_NAMES = ["core", "snapd"] as const;
export type SystemSnapName = (typeof SYSTEM_SNAP_NAMES)[number];

/** Facts about this device that policy and the system snap depend on. */
export interface DeviceInfo {
  readonly mode: DeviceMode;
  readonly brand?: string;
  readonly model?: string;
  readonly store?: string;
  /** Name of the snap that carries the implicit slots. */
  readonly systemSnap: SystemSnapName;
}

export const DEFAULT_DEVICE: DeviceInfo = { mode: "classic", systemSnap: "core" };

const ID_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,126}[a-zA-Z0-9])?$/;

/** Parses device.yaml; an absent file (text undefined) means the defaults. */
export function parseDeviceYaml(text: string | undefined, file: string): DeviceInfo {
  if (text === undefined) return DEFAULT_DEVICE;
  const root = parseYaml11(text, file, { maxBytes: 64 * 1024, maxDepth: 8, maxNodes: 1000 });
  if (root === null) return DEFAULT_DEVICE;
  if (root.kind !== "map") throw new ValidationError("expected a map of device facts", { file });
  const known = new Set(["mode", "brand", "model", "store", "system-snap"]);
  for (const k of root.entries.keys()) {
    if (!known.has(k)) throw new ValidationError(`unknown key; expected one of ${[...known].join(", ")}`, { file, field: k });
  }
  const str = (key: string): string | undefined => {
    const n: YNode | undefined = root.entries.get(key);
    if (n === undefined || (n.kind === "scalar" && n.value === null)) return undefined;
    if (n.kind !== "scalar") throw new ValidationError("expected a string", { file, field: key });
    return n.source;
  };
  const mode = str("mode") ?? "classic";
  if (mode !== "classic" && mode !== "core") {
    throw new ValidationError(`mode must be classic or core, not ${JSON.stringify(mode)}`, { file, field: "mode", value: mode });
  }
  const systemSnap = str("system-snap") ?? "core";
  if (!(SYSTEM_SNAP_NAMES as readonly string[]).includes(systemSnap)) {
    throw new ValidationError(`system-snap must be core or snapd, not ${JSON.stringify(systemSnap)}`, { file, field: "system-snap" });
  }
  const id = (key: string) => {
    const v = str(key);
    if (v !== undefined && !ID_RE.test(v)) throw new ValidationError(`${key} ${JSON.stringify(v)} is not a valid identifier`, { file, field: key });
    return v;
  };
  const brand = id("brand");
  const model = id("model");
  const store = id("store");
  return {
    mode,
    systemSnap: systemSnap as SystemSnapName,
    ...(brand !== undefined ? { brand } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(store !== undefined ? { store } : {}),
  };
}
