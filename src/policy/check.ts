import { evaluateAlternatives, type EvalContext } from "./evaluate.js";
import { describeLevel } from "./levels.js";
import type { Arity, CompiledRule, Declaration, Decision, DeviceScope, Level, PolicyEndpoint, RuleKind } from "./types.js";

// The checks snapd users know, evaluated the way snapd documents them: the
// first level with a rule for the interface decides (plug snap-declaration,
// slot snap-declaration, base-declaration plug rule, base-declaration slot
// rule) and levels are never merged; within a rule, a matching deny-X beats
// allow-X.

const DEFAULT_SLOTS_PER_PLUG: Arity = 1;
const DEFAULT_PLUGS_PER_SLOT: Arity = "*";

function decide(kind: RuleKind, rule: CompiledRule, level: Level, ctx: EvalContext): Decision {
  const denyName = `deny-${kind}` as const;
  const allowName = `allow-${kind}` as const;
  const where = describeLevel(level);
  const deny = evaluateAlternatives(rule[denyName], ctx);
  if ("matched" in deny) {
    return {
      allowed: false,
      kind,
      level,
      rule: denyName,
      slotsPerPlug: DEFAULT_SLOTS_PER_PLUG,
      plugsPerSlot: DEFAULT_PLUGS_PER_SLOT,
      reason: `${kind} denied by ${denyName} in the ${where}`,
    };
  }
  const allow = evaluateAlternatives(rule[allowName], ctx);
  if ("failed" in allow) {
    return {
      allowed: false,
      kind,
      level,
      rule: allowName,
      failed: allow.failed,
      slotsPerPlug: DEFAULT_SLOTS_PER_PLUG,
      plugsPerSlot: DEFAULT_PLUGS_PER_SLOT,
      reason: `${kind} not allowed by ${allowName} in the ${where}: ${allow.failed}`,
    };
  }
  return {
    allowed: true,
    kind,
    level,
    rule: allowName,
    slotsPerPlug: allow.matched.slotsPerPlug ?? DEFAULT_SLOTS_PER_PLUG,
    plugsPerSlot: allow.matched.plugsPerSlot ?? DEFAULT_PLUGS_PER_SLOT,
    reason: `${kind} allowed by ${allowName} in the ${where}`,
  };
}

export interface ConnectionCandidate {
  readonly plug: PolicyEndpoint;
  readonly slot: PolicyEndpoint;
  /** Absent for unasserted snaps. */
  readonly plugDeclaration?: Declaration;
  readonly slotDeclaration?: Declaration;
  readonly base: Declaration;
  readonly device: DeviceScope;
}

/** The connection or auto-connection check for one plug and slot. */
export function checkConnection(kind: "connection" | "auto-connection", c: ConnectionCandidate): Decision {
  const iface = c.plug.interface;
  const ctx: EvalContext = { plug: c.plug, slot: c.slot, device: c.device };
  if (c.slot.interface !== iface) {
    return {
      allowed: false,
      kind,
      slotsPerPlug: DEFAULT_SLOTS_PER_PLUG,
      plugsPerSlot: DEFAULT_PLUGS_PER_SLOT,
      reason: `plug interface ${iface} does not match slot interface ${c.slot.interface}`,
    };
  }
  const levels: [Level, CompiledRule | undefined][] = [
    ["plug-snap-declaration", c.plugDeclaration?.plugs.get(iface)],
    ["slot-snap-declaration", c.slotDeclaration?.slots.get(iface)],
    ["base-declaration-plugs", c.base.plugs.get(iface)],
    ["base-declaration-slots", c.base.slots.get(iface)],
  ];
  for (const [level, rule] of levels) if (rule) return decide(kind, rule, level, ctx);
  return {
    allowed: true,
    kind,
    slotsPerPlug: DEFAULT_SLOTS_PER_PLUG,
    plugsPerSlot: DEFAULT_PLUGS_PER_SLOT,
    reason: `no rule for interface ${iface}: ${kind} allowed by default`,
  };
}

export interface InstallCandidate {
  readonly plugs: readonly PolicyEndpoint[];
  readonly slots: readonly PolicyEndpoint[];
  readonly declaration?: Declaration;
  readonly base: Declaration;
  readonly device: DeviceScope;
}

export interface InstallDecision {
  readonly allowed: boolean;
  /** The first refusal, with the plug or slot it concerns. */
  readonly refusal?: { readonly side: "plug" | "slot"; readonly name: string; readonly decision: Decision };
}

/** The full installation check, for a snap with a snap-declaration. */
export function checkInstallation(c: InstallCandidate): InstallDecision {
  for (const [side, endpoints] of [["slot", c.slots], ["plug", c.plugs]] as const) {
    for (const e of endpoints) {
      const ctx: EvalContext = side === "plug" ? { plug: e, device: c.device } : { slot: e, device: c.device };
      const own = side === "plug" ? c.declaration?.plugs.get(e.interface) : c.declaration?.slots.get(e.interface);
      const base = side === "plug" ? c.base.plugs.get(e.interface) : c.base.slots.get(e.interface);
      const level: Level | undefined = own ? (side === "plug" ? "plug-snap-declaration" : "slot-snap-declaration") : base ? (side === "plug" ? "base-declaration-plugs" : "base-declaration-slots") : undefined;
      const rule = own ?? base;
      if (!rule || !level) continue;
      const d = decide("installation", rule, level, ctx);
      if (!d.allowed) return { allowed: false, refusal: { side, name: e.name, decision: d } };
    }
  }
  return { allowed: true };
}

/**
 * The check snapd makes for an unasserted (--dangerous) snap: only the
 * slot-snap-type and on-classic constraints of the base declaration's slot
 * allow-installation rule count; deny-installation and plugs are ignored.
 */
export function checkInstallationMinimal(c: Omit<InstallCandidate, "declaration" | "plugs">): InstallDecision {
  for (const slot of c.slots) {
    const rule = c.base.slots.get(slot.interface);
    if (!rule) continue;
    const relevant = rule["allow-installation"].alternatives.filter((a) => a.slotSnapTypes !== undefined || a.onClassic !== undefined);
    if (relevant.length === 0) continue;
    const trimmed = {
      alternatives: relevant.map((a) => ({
        ...(a.slotSnapTypes ? { slotSnapTypes: a.slotSnapTypes } : {}),
        ...(a.onClassic !== undefined ? { onClassic: a.onClassic } : {}),
      })),
    };
    const r = evaluateAlternatives(trimmed, { slot, device: c.device });
    if ("failed" in r) {
      return {
        allowed: false,
        refusal: {
          side: "slot",
          name: slot.name,
          decision: {
            allowed: false,
            kind: "installation",
            level: "base-declaration-slots",
            rule: "allow-installation",
            failed: r.failed,
            slotsPerPlug: DEFAULT_SLOTS_PER_PLUG,
            plugsPerSlot: DEFAULT_PLUGS_PER_SLOT,
            reason: `installation not allowed by allow-installation in the base declaration (slots): ${r.failed}`,
          },
        },
      };
    }
  }
  return { allowed: true };
}
