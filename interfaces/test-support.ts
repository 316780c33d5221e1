/**
 * Shared helpers for the per-interface tests: contexts to render snippets
 * with, and small readers of the rendered text. No tests live here.
 */
import type { DeviceMode } from "../src/device/index.js";
import { snippetText, type ConnectedContext, type InterfaceModule, type PermanentContext } from "../src/iface/index.js";
import type { AttrMap, PlugInfo, SnapInfo } from "../src/snap/index.js";

export type ConnectedRole = "connectedPlug" | "connectedSlot";
export type PermanentRole = "permanentPlug" | "permanentSlot";
export type Role = ConnectedRole | PermanentRole;
type ContextOf<R extends Role> = R extends ConnectedRole ? ConnectedContext : PermanentContext;

/** A bare strict app snap with nothing declared. */
export const bareSnap = (name: string): SnapInfo => ({ name, type: "app", confinement: "strict", environment: {}, apps: {}, hooks: {}, plugs: {}, slots: {} });

/** A plug or slot (named "x" unless told) of snap on interface iface, with these attributes. */
export const plugInfo = (snap: string, iface: string, attrs: AttrMap = {}, name = "x"): PlugInfo => ({ snap, name, interface: iface, attrs, apps: [], hooks: [] });

/** A plug or slot named "x" of snap on interface m, with these attributes. */
export const endpointOf = (m: InterfaceModule, snap: string, attrs: AttrMap = {}): PlugInfo => plugInfo(snap, m.name, attrs);

export interface ConnectOptions {
  /** The slot is the system snap's ("core", label "unconfined"). */
  readonly system?: boolean;
  /** The slot side's snap when not the system; "provider" unless told. */
  readonly slotSnap?: string;
  /** The device's mode; classic unless told. */
  readonly mode?: DeviceMode;
}

/** A connection of app:x to provider:x (or to core:x when system), with these attributes. */
export function connectedContext(m: InterfaceModule, plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}, opts: ConnectOptions = {}): ConnectedContext {
  const system = opts.system ?? false;
  const slotSnap = system ? "core" : (opts.slotSnap ?? "provider");
  return {
    plug: endpointOf(m, "app", plugAttrs),
    slot: endpointOf(m, slotSnap, slotAttrs),
    plugSnap: bareSnap("app"),
    slotSnap: bareSnap(slotSnap),
    plugRevision: "x1",
    slotRevision: "x2",
    plugLabel: '"snap.app.app"',
    slotLabel: system ? '"unconfined"' : `"snap.${slotSnap}.*"`,
    slotIsSystem: system,
    mode: opts.mode ?? "classic",
  };
}

export interface PermanentOptions {
  /** The snap carrying the plug or slot; "provider" unless told. */
  readonly snap?: string;
  /** The device's mode; classic unless told. */
  readonly mode?: DeviceMode;
}

/** The permanent side of provider:x (or of the snap named), with these attributes. */
export function permanentContext(m: InterfaceModule, attrs: AttrMap = {}, snapOrOpts: string | PermanentOptions = {}): PermanentContext {
  const opts = typeof snapOrOpts === "string" ? { snap: snapOrOpts } : snapOrOpts;
  const snap = opts.snap ?? "provider";
  return { endpoint: endpointOf(m, snap, attrs), snap: bareSnap(snap), revision: "x2", mode: opts.mode ?? "classic" };
}

/** Both device modes, for tables that render a module in each. */
export const DEVICE_MODES: readonly DeviceMode[] = ["classic", "core"];

/** The AppArmor text of one side of m, rendered for ctx ("" when it has none). */
export function snippet<R extends Role>(m: InterfaceModule, role: R, ctx: ContextOf<R>): string {
  return snippetText<ContextOf<R>>(m[role]?.apparmor as Parameters<typeof snippetText<ContextOf<R>>>[0], ctx);
}

/** The seccomp text of one side of m, rendered for ctx ("" when it has none). */
export function seccompOf<R extends Role>(m: InterfaceModule, role: R, ctx: ContextOf<R>): string {
  return snippetText<ContextOf<R>>(m[role]?.seccomp as Parameters<typeof snippetText<ContextOf<R>>>[0], ctx);
}

/** The udev matches of one side of m for ctx ([] when it has none). */
export function udevOf<R extends Role>(m: InterfaceModule, role: R, ctx: ContextOf<R>): readonly string[] {
  const u = m[role]?.udev as readonly string[] | ((c: ContextOf<R>) => readonly string[]) | undefined;
  return typeof u === "function" ? u(ctx) : (u ?? []);
}

/** The rule lines of a snippet: trimmed, without blank lines and # comments. */
export const ruleLines = (text: string): string[] => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

/** The rule lines that grant a path under /dev/. */
export const devRuleLines = (text: string): string[] => ruleLines(text).filter((l) => l.startsWith("/dev/"));
