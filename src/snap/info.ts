// The immutable picture of one snap's metadata, after parsing and validation.

export const SNAP_TYPES = ["app", "gadget", "kernel", "base", "os", "snapd"] as const;
export type SnapType = (typeof SNAP_TYPES)[number];

export const CONFINEMENTS = ["strict", "devmode", "classic"] as const;
export type Confinement = (typeof CONFINEMENTS)[number];

export const DAEMON_TYPES = ["simple", "forking", "oneshot", "dbus", "notify"] as const;
export type DaemonType = (typeof DAEMON_TYPES)[number];

/** Attribute values snapd accepts: strings, booleans, numbers, and lists and maps of them. */
export type AttrValue = string | number | boolean | readonly AttrValue[] | AttrMap;
export interface AttrMap {
  readonly [key: string]: AttrValue;
}

export interface PlugInfo {
  readonly snap: string;
  readonly name: string;
  readonly interface: string;
  readonly attrs: AttrMap;
  readonly label?: string;
  /** Apps and hooks (as "hook.NAME") this plug is bound to, sorted. */
  readonly apps: readonly string[];
  readonly hooks: readonly string[];
}

export type SlotInfo = PlugInfo;

export interface AppInfo {
  readonly name: string;
  readonly command?: string;
  readonly daemon?: DaemonType;
  readonly plugs: readonly string[];
  readonly slots: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
}

export interface HookInfo {
  readonly name: string;
  readonly plugs: readonly string[];
  readonly slots: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
}

export interface SnapInfo {
  readonly name: string;
  readonly version?: string;
  readonly type: SnapType;
  readonly base?: string;
  readonly confinement: Confinement;
  readonly grade?: "stable" | "devel";
  readonly summary?: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly apps: Readonly<Record<string, AppInfo>>;
  readonly hooks: Readonly<Record<string, HookInfo>>;
  readonly plugs: Readonly<Record<string, PlugInfo>>;
  readonly slots: Readonly<Record<string, SlotInfo>>;
}

/** Security tags as snapd names them: snap.NAME.APP and snap.NAME.hook.HOOK. */
export function appSecurityTag(snap: string, app: string): string {
  return `snap.${snap}.${app}`;
}
export function hookSecurityTag(snap: string, hook: string): string {
  return `snap.${snap}.hook.${hook}`;
}
