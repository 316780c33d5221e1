import { AttributeProblem, type InterfaceRegistry } from "../iface/index.js";
import type { AppInfo, HookInfo, PlugInfo, SnapInfo } from "../snap/index.js";

/** A plug or slot the snap declares but that cannot be used. */
export interface BadPlugOrSlot {
  readonly kind: "plug" | "slot";
  readonly name: string;
  readonly reason: string;
}

/**
 * Drops plugs and slots whose interface is unknown or whose attributes the
 * interface refuses, as snapd does: the snap still installs, without them.
 */
export function sanitizeSnap(info: SnapInfo, registry: InterfaceRegistry): { info: SnapInfo; bad: BadPlugOrSlot[] } {
  const bad: BadPlugOrSlot[] = [];
  const check = (kind: "plug" | "slot", p: PlugInfo): PlugInfo | null => {
    const iface = registry.get(p.interface);
    if (!iface) {
      bad.push({ kind, name: p.name, reason: `unknown interface ${JSON.stringify(p.interface)}` });
      return null;
    }
    const sanitize = kind === "plug" ? iface.sanitizePlug : iface.sanitizeSlot;
    if (!sanitize) return p;
    try {
      return { ...p, attrs: sanitize(p) };
    } catch (e) {
      if (e instanceof AttributeProblem) {
        bad.push({ kind, name: p.name, reason: `${p.interface} ${kind}: ${e.message}` });
        return null;
      }
      throw e;
    }
  };
  const keep = (kind: "plug" | "slot", all: Readonly<Record<string, PlugInfo>>) =>
    Object.fromEntries(
      Object.entries(all)
        .map(([n, p]) => [n, check(kind, p)] as const)
        .filter((e): e is readonly [string, PlugInfo] => e[1] !== null),
    );
  const plugs = keep("plug", info.plugs);
  const slots = keep("slot", info.slots);
  if (bad.length === 0) return { info, bad };
  const prune = <T extends AppInfo | HookInfo>(x: T): T => ({
    ...x,
    plugs: x.plugs.filter((n) => n in plugs),
    slots: x.slots.filter((n) => n in slots),
  });
  return {
    info: {
      ...info,
      plugs,
      slots,
      apps: Object.fromEntries(Object.entries(info.apps).map(([n, a]) => [n, prune(a)])),
      hooks: Object.fromEntries(Object.entries(info.hooks).map(([n, h]) => [n, prune(h)])),
    },
    bad,
  };
}

/** The warning text snapd users know, for a snap with bad plugs or slots. */
export function badPlugsOrSlotsWarning(snap: string, bad: readonly BadPlugOrSlot[]): string {
  return `snap ${JSON.stringify(snap)} has bad plugs or slots: ${bad.map((b) => `${b.name} (${b.reason})`).join("; ")}`;
}
