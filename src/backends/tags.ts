import type { SnapInfo } from "../snap/index.js";

/** One security tag: an app or a hook, and the plugs and slots bound to it. */
export interface SecurityTagInfo {
  readonly tag: string;
  readonly kind: "app" | "hook";
  readonly name: string;
  readonly plugs: readonly string[];
  readonly slots: readonly string[];
}

export function securityTags(snap: SnapInfo): SecurityTagInfo[] {
  return [
    ...Object.values(snap.apps).map((a) => ({ tag: `snap.${snap.name}.${a.name}`, kind: "app" as const, name: a.name, plugs: a.plugs, slots: a.slots })),
    ...Object.values(snap.hooks).map((h) => ({ tag: `snap.${snap.name}.hook.${h.name}`, kind: "hook" as const, name: h.name, plugs: h.plugs, slots: h.slots })),
  ];
}

/** udev tags cannot contain dots. */
export const udevTag = (tag: string): string => tag.replace(/\./g, "_");

/**
 * The label expression for the apps and hooks a plug or slot is bound to:
 * snap.NAME.APP for one, snap.NAME.{A,B} for several, snap.NAME.* for none.
 */
export function labelExpression(snap: string, apps: readonly string[], hooks: readonly string[]): string {
  const parts = [...apps, ...hooks.map((h) => `hook.${h}`)];
  if (parts.length === 0) return `snap.${snap}.*`;
  if (parts.length === 1) return `snap.${snap}.${parts[0]}`;
  return `snap.${snap}.{${parts.join(",")}}`;
}
