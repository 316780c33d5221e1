import { checkConnection, type Decision } from "../policy/index.js";
import type { Connection, Repository } from "../repo/index.js";
import type { PlugInfo, SlotInfo } from "../snap/index.js";
import type { PolicyView } from "./policy-view.js";

export interface Candidate {
  readonly plug: PlugInfo;
  readonly slot: SlotInfo;
  readonly decision: Decision;
}

/** Every slot of the plug's interface, each with the auto-connection decision. */
export function slotCandidates(repo: Repository, view: PolicyView, plug: PlugInfo): Candidate[] {
  return repo
    .allSlots()
    .filter((s) => s.interface === plug.interface)
    .map((slot) => ({ plug, slot, decision: autoDecision(view, plug, slot) }));
}

export function autoDecision(view: PolicyView, plug: PlugInfo, slot: SlotInfo): Decision {
  const p = view.identity(plug.snap);
  const s = view.identity(slot.snap);
  return checkConnection("auto-connection", {
    plug: view.endpoint(plug),
    slot: view.endpoint(slot),
    ...(p.declaration ? { plugDeclaration: p.declaration } : {}),
    ...(s.declaration ? { slotDeclaration: s.declaration } : {}),
    base: view.base,
    device: view.device,
  });
}

/** The manual connection check; only when both snaps carry a snap-declaration. */
export function manualDecision(view: PolicyView, plug: PlugInfo, slot: SlotInfo): Decision | undefined {
  const p = view.identity(plug.snap);
  const s = view.identity(slot.snap);
  if (!p.declaration || !s.declaration) return undefined;
  return checkConnection("connection", {
    plug: view.endpoint(plug),
    slot: view.endpoint(slot),
    plugDeclaration: p.declaration,
    slotDeclaration: s.declaration,
    base: view.base,
    device: view.device,
  });
}

export interface AutoConnectPlan {
  readonly connect: readonly { plug: PlugInfo; slot: SlotInfo }[];
  /** Plugs or slots left alone because the choice was ambiguous. */
  readonly warnings: readonly string[];
}

const ref = (x: { snap: string; name: string }) => `${x.snap}:${x.name}`;

/**
 * The slots a plug auto-connects to: all passing candidates when there is
 * exactly one, or when every passing candidate allows any number of slots per
 * plug; otherwise none, with a warning naming them.
 */
function plugTargets(repo: Repository, view: PolicyView, plug: PlugInfo): { slots: SlotInfo[]; warning?: string } {
  const passing = slotCandidates(repo, view, plug).filter((c) => c.decision.allowed);
  if (passing.length <= 1 || passing.every((c) => c.decision.slotsPerPlug === "*")) return { slots: passing.map((c) => c.slot) };
  const limit = Math.min(...passing.map((c) => (c.decision.slotsPerPlug === "*" ? Infinity : c.decision.slotsPerPlug)));
  if (passing.length <= limit) return { slots: passing.map((c) => c.slot) };
  return {
    slots: [],
    warning: `cannot auto-connect plug ${ref(plug)}: ${passing.length} candidate slots (${passing.map((c) => repo.displaySlot(c.slot)).join(", ")}); connect one by hand`,
  };
}

/**
 * Auto-connections for a snap just installed or refreshed: its plugs to
 * candidate slots, and other snaps' plugs to its slots. Pairs with any
 * connection record (connected or undesired) are left as they are.
 */
export function planAutoConnections(repo: Repository, view: PolicyView, snapName: string): AutoConnectPlan {
  const snap = repo.snap(snapName);
  if (!snap) return { connect: [], warnings: [] };
  const recorded = (plug: PlugInfo, slot: SlotInfo) => repo.connection({ snap: plug.snap, name: plug.name }, { snap: slot.snap, name: slot.name }) !== undefined;
  const connect = new Map<string, { plug: PlugInfo; slot: SlotInfo }>();
  const warnings: string[] = [];
  const add = (plug: PlugInfo, slot: SlotInfo) => {
    if (!recorded(plug, slot)) connect.set(`${ref(plug)} ${ref(slot)}`, { plug, slot });
  };

  for (const plug of Object.values(snap.info.plugs)) {
    const t = plugTargets(repo, view, plug);
    if (t.warning) warnings.push(t.warning);
    for (const slot of t.slots) add(plug, slot);
  }

  for (const slot of Object.values(snap.info.slots)) {
    const plugs = repo
      .allPlugs()
      .filter((p) => p.interface === slot.interface && p.snap !== snapName)
      .map((plug) => ({ plug, decision: autoDecision(view, plug, slot) }))
      .filter((c) => c.decision.allowed)
      // Each plug must pick this slot by the same rule as when the plug's snap is installed.
      .filter((c) => plugTargets(repo, view, c.plug).slots.includes(slot));
    const limit = Math.min(...plugs.map((c) => (c.decision.plugsPerSlot === "*" ? Infinity : c.decision.plugsPerSlot)));
    if (plugs.length > limit) {
      warnings.push(`cannot auto-connect slot ${ref(slot)}: ${plugs.length} candidate plugs but at most ${limit} allowed; connect them by hand`);
      continue;
    }
    for (const c of plugs) add(c.plug, slot);
  }
  return { connect: [...connect.values()], warnings };
}

export function autoConnection(plug: PlugInfo, slot: SlotInfo): Connection {
  return {
    plug: { snap: plug.snap, name: plug.name },
    slot: { snap: slot.snap, name: slot.name },
    interface: plug.interface,
    auto: true,
    byGadget: false,
    undesired: false,
    plugStatic: plug.attrs,
    slotStatic: slot.attrs,
  };
}
