import type { DeviceMode } from "../device/index.js";
import { PlugboardError } from "../errors/index.js";
import { BASELINE_HOST, snippetText, type ConnectedContext, type HostFeatures, type InterfaceModule, type InterfaceRegistry, type KmodSnippet, type MountEntry, type PermanentContext, type Snippets } from "../iface/index.js";
import type { Connection, InstalledSnap, Repository } from "../repo/index.js";
import { labelExpression, securityTags } from "./tags.js";
import { safeLabel } from "./validate.js";

/** An interface this machine's security tools cannot enforce; nothing is written. */
export class UnsupportedOnHost extends PlugboardError {
  override name = "UnsupportedOnHost";
}

/** Everything the interfaces contribute to one security tag. */
export interface TagSnippets {
  readonly apparmor: { title: string; body: string }[];
  readonly seccomp: { title: string; body: string }[];
  readonly udev: string[];
}

export interface SnapSnippets {
  readonly byTag: Map<string, TagSnippets>;
  readonly mounts: MountEntry[];
  /** Kernel module requests, which belong to the snap as a whole. */
  readonly kmod: KmodSnippet[];
}

/**
 * Collects the snippets of every permanent plug and slot of a snap and of
 * every connection in force it takes part in, onto the tags they bind to.
 * The device mode comes from the repository, which was built for the device
 * (the same fact that decided which slots the system snap carries).
 */
export function collectSnippets(repo: Repository, registry: InterfaceRegistry, snap: InstalledSnap, host: HostFeatures = BASELINE_HOST): SnapSnippets {
  const info = snap.info;
  const byTag = new Map<string, TagSnippets>();
  for (const t of securityTags(info)) byTag.set(t.tag, { apparmor: [], seccomp: [], udev: [] });
  const tagsOf = (apps: readonly string[], hooks: readonly string[]) => [
    ...apps.map((a) => `snap.${info.name}.${a}`),
    ...hooks.map((h) => `snap.${info.name}.hook.${h}`),
  ];
  const mode = repo.device.mode;
  const mounts: MountEntry[] = [];
  const kmod: KmodSnippet[] = [];
  const add = <C>(s: Snippets<C> | undefined, ctx: C, title: string, tags: readonly string[], m?: InterfaceModule) => {
    if (!s) return;
    const unmet = m?.hostRequirement?.(host);
    if (unmet) throw new UnsupportedOnHost(`snap "${info.name}": cannot set up ${title}: ${unmet}`);
    if (s.kmod) kmod.push(typeof s.kmod === "function" ? s.kmod(ctx) : s.kmod);
    const apparmor = snippetText(s.apparmor, ctx).replace(/^\s*\n/, "").trimEnd();
    const seccomp = snippetText(s.seccomp, ctx).trim();
    const udev = typeof s.udev === "function" ? s.udev(ctx) : (s.udev ?? []);
    for (const tag of tags) {
      const t = byTag.get(tag);
      if (!t) continue;
      if (apparmor) t.apparmor.push({ title, body: apparmor });
      if (seccomp) t.seccomp.push({ title, body: seccomp });
      t.udev.push(...udev);
    }
  };

  for (const plug of Object.values(info.plugs)) {
    const m = registry.get(plug.interface);
    const ctx: PermanentContext = { endpoint: plug, snap: info, revision: snap.revision, host, mode };
    add(m?.permanentPlug, ctx, `${plug.interface} plug ${plug.name} (permanent)`, tagsOf(plug.apps, plug.hooks), m);
  }
  for (const slot of Object.values(info.slots)) {
    const m = registry.get(slot.interface);
    const ctx: PermanentContext = { endpoint: slot, snap: info, revision: snap.revision, host, mode };
    add(m?.permanentSlot, ctx, `${slot.interface} slot ${slot.name} (permanent)`, tagsOf(slot.apps, slot.hooks), m);
  }
  for (const c of repo.activeConnections()) {
    if (c.plug.snap !== info.name && c.slot.snap !== info.name) continue;
    const ctx = connectedContext(repo, c, host, mode);
    if (!ctx) continue;
    const m = registry.get(c.interface);
    const title = `${c.interface}: ${c.plug.snap}:${c.plug.name} to ${repo.displaySlot(c.slot)}`;
    if (c.plug.snap === info.name) {
      add(m?.connectedPlug, ctx, `${title} (plug side)`, tagsOf(ctx.plug.apps, ctx.plug.hooks), m);
      if (m?.connectedPlug?.mount) mounts.push(...m.connectedPlug.mount(ctx));
    }
    if (c.slot.snap === info.name) add(m?.connectedSlot, ctx, `${title} (slot side)`, tagsOf(ctx.slot.apps, ctx.slot.hooks), m);
  }
  return { byTag, mounts, kmod };
}

export function connectedContext(repo: Repository, c: Connection, host: HostFeatures, mode: DeviceMode): ConnectedContext | undefined {
  const plugSnap = repo.snap(c.plug.snap);
  const slotSnap = repo.snap(c.slot.snap);
  const plug = plugSnap?.info.plugs[c.plug.name];
  const slot = slotSnap?.info.slots[c.slot.name];
  if (!plugSnap || !slotSnap || !plug || !slot) return undefined;
  return {
    plug,
    slot,
    plugSnap: plugSnap.info,
    slotSnap: slotSnap.info,
    plugRevision: plugSnap.revision,
    slotRevision: slotSnap.revision,
    // Quoted: the commas of an alternation would otherwise end a peer conditional.
    plugLabel: `"${safeLabel(labelExpression(plug.snap, plug.apps, plug.hooks), `plug ${plug.snap}:${plug.name}`)}"`,
    slotLabel: slotSnap.isSystem ? '"unconfined"' : `"${safeLabel(labelExpression(slot.snap, slot.apps, slot.hooks), `slot ${slot.snap}:${slot.name}`)}"`,
    slotIsSystem: slotSnap.isSystem,
    host,
    mode,
  };
}
