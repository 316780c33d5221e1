import type { AttrMap } from "../snap/index.js";

export type RuleKind = "installation" | "connection" | "auto-connection";
export type Side = "plug" | "slot";

/** Snap types as constraints name them; the system snap is always "core". */
export type PolicySnapType = "app" | "gadget" | "kernel" | "core" | "snapd" | "base";

/** One end of a (candidate) connection, or the plug/slot being installed. */
export interface PolicyEndpoint {
  readonly snap: string;
  readonly snapType: PolicySnapType;
  /** From the snap's snap-declaration; absent for unasserted (--dangerous) snaps. */
  readonly snapId?: string;
  readonly publisherId?: string;
  readonly name: string;
  readonly interface: string;
  readonly attrs: AttrMap;
}

/** Facts about the device that on-classic and device-scope constraints test. */
export interface DeviceScope {
  readonly classic: boolean;
  readonly brand?: string;
  readonly model?: string;
  readonly store?: string;
}

export type Arity = "*" | number;

/** One alternative: every constraint present must hold. */
export interface Constraints {
  readonly plugAttributes?: AttrMatcher;
  readonly slotAttributes?: AttrMatcher;
  readonly plugSnapTypes?: readonly string[];
  readonly slotSnapTypes?: readonly string[];
  readonly plugSnapIds?: readonly string[];
  readonly slotSnapIds?: readonly string[];
  readonly plugPublisherIds?: readonly string[];
  readonly slotPublisherIds?: readonly string[];
  readonly plugNames?: readonly string[];
  readonly slotNames?: readonly string[];
  readonly onClassic?: boolean;
  readonly onStore?: readonly string[];
  readonly onBrand?: readonly string[];
  /** "brand/model" entries. */
  readonly onModel?: readonly string[];
  readonly slotsPerPlug?: Arity;
  readonly plugsPerSlot?: Arity;
}

/** A compiled allow-X or deny-X value: alternatives, any of which may hold. `false` has none. */
export interface AltConstraints {
  readonly alternatives: readonly Constraints[];
}

export interface CompiledRule {
  readonly "allow-installation": AltConstraints;
  readonly "deny-installation": AltConstraints;
  readonly "allow-connection": AltConstraints;
  readonly "deny-connection": AltConstraints;
  readonly "allow-auto-connection": AltConstraints;
  readonly "deny-auto-connection": AltConstraints;
}

/** Rules for one side of a declaration, by interface. */
export type SideRuleSet = ReadonlyMap<string, CompiledRule>;

export interface Declaration {
  readonly plugs: SideRuleSet;
  readonly slots: SideRuleSet;
}

/** Attribute constraint tree. */
export type AttrMatcher =
  | { readonly kind: "regexp"; readonly source: string; readonly re: RegExp }
  | { readonly kind: "missing" }
  | { readonly kind: "ref"; readonly side: Side; readonly path: string }
  /** $PLUG_PUBLISHER_ID / $SLOT_PUBLISHER_ID: the value must be that side's publisher id. */
  | { readonly kind: "publisher"; readonly side: Side }
  | { readonly kind: "map"; readonly entries: ReadonlyMap<string, AttrMatcher> }
  | { readonly kind: "alternatives"; readonly options: readonly AttrMatcher[] };

export type Level = "plug-snap-declaration" | "slot-snap-declaration" | "base-declaration-plugs" | "base-declaration-slots";

/** The outcome of one policy check, able to explain itself. */
export interface Decision {
  readonly allowed: boolean;
  readonly kind: RuleKind;
  /** Which level decided; undefined when no level has a rule (allowed by default). */
  readonly level?: Level;
  /** The rule that decided: a deny-X that matched, or an allow-X that held or failed. */
  readonly rule?: string;
  /** For a failed allow-X: the first constraint that did not hold. */
  readonly failed?: string;
  /** Arity of the allow-auto-connection alternative that held. */
  readonly slotsPerPlug: Arity;
  readonly plugsPerSlot: Arity;
  readonly reason: string;
}
