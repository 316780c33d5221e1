import type { AttrMap, AttrValue, PlugInfo, SlotInfo } from "../snap/index.js";

/** One alternative of a declaration rule: every constraint in it must hold. */
export type RuleConstraints = Readonly<Record<string, AttrValue>>;
/** A rule is true, false, one set of constraints, or a list of alternatives. */
export type RuleValue = boolean | RuleConstraints | readonly RuleConstraints[];

export const RULE_NAMES = [
  "allow-installation",
  "deny-installation",
  "allow-connection",
  "deny-connection",
  "allow-auto-connection",
  "deny-auto-connection",
] as const;
export type RuleName = (typeof RULE_NAMES)[number];
export type SideRules = Readonly<Partial<Record<RuleName, RuleValue>>>;

/** An interface's part of the base declaration: its plug-side and slot-side rules. */
export interface BaseDeclarationFragment {
  readonly plugs?: SideRules;
  readonly slots?: SideRules;
}

/** Why an attribute was refused; the caller adds which snap and plug. */
export class AttributeProblem extends Error {
  override name = "AttributeProblem";
}

export interface InterfaceModule {
  readonly name: string;
  readonly summary: string;
  /** Whether the system snap carries a slot of this interface, by device mode. */
  readonly implicitOn: { readonly core: boolean; readonly classic: boolean };
  /** Kept for old desktop stacks; granting more than its name suggests. */
  readonly transitional?: boolean;
  readonly baseDeclaration: BaseDeclarationFragment;
  /**
   * Check a plug's attributes. Return the attributes to keep (possibly with
   * defaults filled in) or throw AttributeProblem.
   */
  readonly sanitizePlug?: (plug: PlugInfo) => AttrMap;
  readonly sanitizeSlot?: (slot: SlotInfo) => AttrMap;
}

/** Identity helper so modules are checked against the shape where they are written. */
export function defineInterface<T extends InterfaceModule>(module: T): T {
  return module;
}
