import { matchAttrs, type AttrContext } from "./match-attrs.js";
import type { AltConstraints, Constraints, DeviceScope, PolicyEndpoint } from "./types.js";

/** What one set of constraints is evaluated against. */
export interface EvalContext {
  readonly plug?: PolicyEndpoint;
  readonly slot?: PolicyEndpoint;
  readonly device: DeviceScope;
}

/** Returns null when every constraint holds, else the first that does not, as "key: why". */
export function evaluateConstraints(c: Constraints, ctx: EvalContext): string | null {
  const { plug, slot, device } = ctx;
  const attrCtx: AttrContext = { plug: plug?.attrs ?? {}, slot: slot?.attrs ?? {}, plugPublisher: plug?.publisherId, slotPublisher: slot?.publisherId };
  const checks: [string, () => string | null][] = [];
  if (c.plugAttributes) checks.push(["plug-attributes", () => (plug ? matchAttrs(c.plugAttributes!, plug.attrs, attrCtx) : null)]);
  if (c.slotAttributes) checks.push(["slot-attributes", () => (slot ? matchAttrs(c.slotAttributes!, slot.attrs, attrCtx) : null)]);
  if (c.plugSnapTypes) checks.push(["plug-snap-type", () => oneOf("snap type", plug?.snapType, c.plugSnapTypes!)]);
  if (c.slotSnapTypes) checks.push(["slot-snap-type", () => oneOf("snap type", slot?.snapType, c.slotSnapTypes!)]);
  if (c.plugSnapIds) checks.push(["plug-snap-id", () => oneOf("snap id", plug?.snapId, c.plugSnapIds!)]);
  if (c.slotSnapIds) checks.push(["slot-snap-id", () => oneOf("snap id", slot?.snapId, c.slotSnapIds!)]);
  if (c.plugPublisherIds) {
    checks.push(["plug-publisher-id", () => oneOf("publisher", plug?.publisherId, c.plugPublisherIds!.map((p) => (p === "$SLOT_PUBLISHER_ID" ? slot?.publisherId : p)))]);
  }
  if (c.slotPublisherIds) {
    checks.push(["slot-publisher-id", () => oneOf("publisher", slot?.publisherId, c.slotPublisherIds!.map((p) => (p === "$PLUG_PUBLISHER_ID" ? plug?.publisherId : p)))]);
  }
  if (c.plugNames) checks.push(["plug-names", () => oneOf("plug name", plug?.name, c.plugNames!.map((n) => (n === "$INTERFACE" ? plug?.interface : n)))]);
  if (c.slotNames) checks.push(["slot-names", () => oneOf("slot name", slot?.name, c.slotNames!.map((n) => (n === "$INTERFACE" ? slot?.interface : n)))]);
  if (c.onClassic !== undefined) {
    checks.push(["on-classic", () => (c.onClassic === device.classic ? null : c.onClassic ? "the device is not classic" : "the device is classic")]);
  }
  if (c.onStore) checks.push(["on-store", () => oneOf("store", device.store, c.onStore!)]);
  if (c.onBrand) checks.push(["on-brand", () => oneOf("brand", device.brand, c.onBrand!)]);
  if (c.onModel) {
    checks.push(["on-model", () => oneOf("model", device.brand && device.model ? `${device.brand}/${device.model}` : undefined, c.onModel!)]);
  }
  for (const [key, check] of checks) {
    const problem = check();
    if (problem !== null) return `${key}: ${problem}`;
  }
  return null;
}

/** The first alternative that holds, or the first failure when none does. */
export function evaluateAlternatives(alt: AltConstraints, ctx: EvalContext): { matched: Constraints } | { failed: string } {
  if (alt.alternatives.length === 0) return { failed: "the rule is false" };
  let first: string | undefined;
  for (const c of alt.alternatives) {
    const problem = evaluateConstraints(c, ctx);
    if (problem === null) return { matched: c };
    first ??= problem;
  }
  return { failed: alt.alternatives.length > 1 ? `no alternative holds; the first fails on ${first}` : first! };
}

function oneOf(what: string, actual: string | undefined, allowed: readonly (string | undefined)[]): string | null {
  // An absent value (an unasserted snap's id or publisher) never matches, not even another absent one.
  if (actual !== undefined && actual !== "" && allowed.includes(actual)) return null;
  const wanted = allowed.map((a) => (a === undefined || a === "" ? "(none)" : a)).join(", ");
  return `${what} ${actual === undefined || actual === "" ? "(none)" : JSON.stringify(actual)} is not one of [${wanted}]`;
}
