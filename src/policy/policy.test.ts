import { describe, expect, it } from "vitest";
import type { AttrMap } from "../snap/index.js";
import {
  checkConnection,
  checkInstallation,
  checkInstallationMinimal,
  compileDeclaration,
  compileRule,
  type Declaration,
  type DeviceScope,
  type PolicyEndpoint,
} from "./index.js";

const ep = (over: Partial<PolicyEndpoint> = {}): PolicyEndpoint => ({
  snap: "s",
  snapType: "app",
  snapId: "id-s",
  publisherId: "pub-s",
  name: "x",
  interface: "x",
  attrs: {},
  ...over,
});
const decl = (plugs?: unknown, slots?: unknown): Declaration => compileDeclaration(plugs, slots, "test");
const EMPTY = decl();
const classic: DeviceScope = { classic: true, brand: "acme", model: "gizmo", store: "acme-store" };
const core: DeviceScope = { ...classic, classic: false };

/** Auto-connection decision for a plug rule `rule` on the base declaration (plug side). */
const autoWithPlugRule = (rule: unknown, plug: Partial<PolicyEndpoint> = {}, slot: Partial<PolicyEndpoint> = {}, device = classic) =>
  checkConnection("auto-connection", {
    plug: ep({ snap: "p", publisherId: "pub-p", snapId: "id-p", ...plug }),
    slot: ep({ snap: "q", publisherId: "pub-q", snapId: "id-q", ...slot }),
    base: decl({ x: rule }),
    device,
  });

describe("constraints, one kind at a time (allow-auto-connection on the plug side)", () => {
  it.each<[string, unknown, Partial<PolicyEndpoint>, Partial<PolicyEndpoint>, DeviceScope, boolean, RegExp | null]>([
    ["no constraints", true, {}, {}, classic, true, null],
    ["false", false, {}, {}, classic, false, /the rule is false/],
    ["plug-attributes regexp holds", { "plug-attributes": { mode: "r[ow]" } }, { attrs: { mode: "rw" } }, {}, classic, true, null],
    ["plug-attributes regexp is anchored", { "plug-attributes": { mode: "r" } }, { attrs: { mode: "rw" } }, {}, classic, false, /plug-attributes: attribute mode is "rw", which does not match \/r\//],
    ["plug-attributes missing attribute", { "plug-attributes": { mode: "r" } }, {}, {}, classic, false, /attribute mode is not set/],
    ["plug-attributes bool as text", { "plug-attributes": { private: "true" } }, { attrs: { private: true } }, {}, classic, true, null],
    ["plug-attributes number as text", { "plug-attributes": { n: "4[0-9]" } }, { attrs: { n: 42 } }, {}, classic, true, null],
    ["plug-attributes nested map", { "plug-attributes": { a: { b: "c" } } }, { attrs: { a: { b: "c", extra: "ignored" } } }, {}, classic, true, null],
    ["plug-attributes nested map mismatch", { "plug-attributes": { a: { b: "c" } } }, { attrs: { a: { b: "d" } } }, {}, classic, false, /attribute a.b is "d"/],
    ["plug-attributes list vs scalar", { "plug-attributes": { m: ["a", "b"] } }, { attrs: { m: "b" } }, {}, classic, true, null],
    ["plug-attributes list vs list (set)", { "plug-attributes": { m: ["a", "b"] } }, { attrs: { m: ["b", "a", "b"] } }, {}, classic, true, null],
    ["plug-attributes list vs list with stranger", { "plug-attributes": { m: ["a", "b"] } }, { attrs: { m: ["a", "z"] } }, {}, classic, false, /m\[1\] = "z" matches none/],
    ["$MISSING holds", { "plug-attributes": { m: "$MISSING" } }, {}, {}, classic, true, null],
    ["$MISSING fails", { "plug-attributes": { m: "$MISSING" } }, { attrs: { m: "x" } }, {}, classic, false, /wants it missing/],
    ["$SLOT(attr) equal", { "plug-attributes": { c: "$SLOT(c)" } }, { attrs: { c: "k" } }, { attrs: { c: "k" } }, classic, true, null],
    ["$SLOT(attr) differs", { "plug-attributes": { c: "$SLOT(c)" } }, { attrs: { c: "k" } }, { attrs: { c: "j" } }, classic, false, /attribute c is "k", not \$SLOT\(c\) = "j"/],
    ["$SLOT(attr) absent", { "plug-attributes": { c: "$SLOT(c)" } }, { attrs: { c: "k" } }, {}, classic, false, /\$SLOT\(c\) is not set/],
    ["$PLUG(attr) from the slot side", { "slot-attributes": { c: "$PLUG(c)" } }, { attrs: { c: ["a"] } }, { attrs: { c: ["a"] } }, classic, true, null],
    ["slot-snap-type", { "slot-snap-type": ["core"] }, {}, { snapType: "core" }, classic, true, null],
    ["slot-snap-type mismatch", { "slot-snap-type": ["core"] }, {}, { snapType: "app" }, classic, false, /slot-snap-type: snap type "app" is not one of \[core\]/],
    ["plug-snap-type", { "plug-snap-type": ["gadget", "app"] }, {}, {}, classic, true, null],
    ["slot-snap-id", { "slot-snap-id": ["id-q"] }, {}, {}, classic, true, null],
    ["slot-snap-id of an unasserted snap never matches", { "slot-snap-id": ["id-q"] }, {}, { snapId: undefined }, classic, false, /snap id \(none\)/],
    ["slot-publisher-id literal", { "slot-publisher-id": ["pub-q"] }, {}, {}, classic, true, null],
    ["slot-publisher-id $PLUG_PUBLISHER_ID same", { "slot-publisher-id": ["$PLUG_PUBLISHER_ID"] }, {}, { publisherId: "pub-p" }, classic, true, null],
    ["slot-publisher-id $PLUG_PUBLISHER_ID differs", { "slot-publisher-id": ["$PLUG_PUBLISHER_ID"] }, {}, {}, classic, false, /publisher "pub-q" is not one of \[pub-p\]/],
    ["plug attribute $PLUG_PUBLISHER_ID (confdb's account)", { "plug-attributes": { account: "$PLUG_PUBLISHER_ID" } }, { attrs: { account: "pub-p" } }, {}, classic, true, null],
    ["plug attribute $PLUG_PUBLISHER_ID, another account", { "plug-attributes": { account: "$PLUG_PUBLISHER_ID" } }, { attrs: { account: "someone" } }, {}, classic, false, /account is "someone", not \$PLUG_PUBLISHER_ID = "pub-p"/],
    ["slot attribute $SLOT_PUBLISHER_ID unset", { "slot-attributes": { account: "$SLOT_PUBLISHER_ID" } }, {}, {}, classic, false, /account is not set/],
    ["publisher of two unasserted snaps never matches", { "slot-publisher-id": ["$PLUG_PUBLISHER_ID"] }, { publisherId: undefined }, { publisherId: undefined }, classic, false, /\(none\)/],
    ["plug-names", { "plug-names": ["cam"] }, { name: "cam" }, {}, classic, true, null],
    ["plug-names $INTERFACE", { "plug-names": ["$INTERFACE"] }, { name: "other" }, {}, classic, false, /plug name "other" is not one of \[x\]/],
    ["slot-names", { "slot-names": ["gpio1"] }, {}, { name: "gpio1" }, classic, true, null],
    ["on-classic true on classic", { "on-classic": true }, {}, {}, classic, true, null],
    ["on-classic false on classic", { "on-classic": "false" }, {}, {}, classic, false, /on-classic: the device is classic/],
    ["on-classic false on core", { "on-classic": false }, {}, {}, core, true, null],
    ["on-store", { "on-store": ["acme-store"] }, {}, {}, classic, true, null],
    ["on-store elsewhere", { "on-store": ["other"] }, {}, {}, classic, false, /on-store: store "acme-store"/],
    ["on-brand", { "on-brand": ["acme"] }, {}, {}, classic, true, null],
    ["on-model", { "on-model": ["acme/gizmo"] }, {}, {}, classic, true, null],
    ["on-model other", { "on-model": ["acme/widget"] }, {}, {}, classic, false, /model "acme\/gizmo"/],
    ["alternatives: second holds", [{ "on-classic": false }, { "slot-snap-type": ["app"] }], {}, {}, classic, true, null],
    ["alternatives: none holds", [{ "on-classic": false }, { "slot-snap-type": ["core"] }], {}, {}, classic, false, /no alternative holds; the first fails on on-classic/],
    ["all constraints of a map must hold", { "on-classic": true, "slot-snap-type": ["core"] }, {}, {}, classic, false, /slot-snap-type/],
  ])("%s", (_name, rule, plug, slot, device, allowed, reason) => {
    const d = autoWithPlugRule({ "allow-auto-connection": rule }, plug, slot, device);
    expect(d.allowed).toBe(allowed);
    if (reason) expect(d.reason).toMatch(reason);
    expect(d.level).toBe("base-declaration-plugs");
  });
});

describe("deny beats allow within a rule", () => {
  it.each([
    [{ "allow-auto-connection": true, "deny-auto-connection": true }, false, "deny-auto-connection"],
    [{ "allow-auto-connection": true, "deny-auto-connection": { "on-classic": false } }, true, "allow-auto-connection"],
    [{ "deny-auto-connection": { "plug-attributes": { read: "all" } } }, true, "allow-auto-connection"],
  ])("%j → %s", (rule, allowed, decidingRule) => {
    const d = autoWithPlugRule(rule);
    expect(d.allowed).toBe(allowed);
    expect(d.rule).toBe(decidingRule);
  });
  it("a deny-X with attributes denies when they match", () => {
    const d = autoWithPlugRule({ "deny-auto-connection": { "plug-attributes": { read: "all" } } }, { attrs: { read: "all" } });
    expect(d).toMatchObject({ allowed: false, rule: "deny-auto-connection" });
  });
  it("a rule of false denies everything, a rule of true allows everything", () => {
    expect(autoWithPlugRule(false).allowed).toBe(false);
    expect(autoWithPlugRule(true).allowed).toBe(true);
  });
});

describe("the four levels: the first with a rule decides, never merged", () => {
  const base = decl({ x: { "deny-auto-connection": true } }, { x: { "deny-connection": true, "allow-auto-connection": true } });
  const check = (kind: "connection" | "auto-connection", plugDeclaration?: Declaration, slotDeclaration?: Declaration) =>
    checkConnection(kind, { plug: ep({ snap: "p" }), slot: ep({ snap: "q" }), base, device: classic, ...(plugDeclaration ? { plugDeclaration } : {}), ...(slotDeclaration ? { slotDeclaration } : {}) });

  it.each<[string, Declaration | undefined, Declaration | undefined, "connection" | "auto-connection", boolean, string]>([
    ["base plug rule beats base slot rule (auto)", undefined, undefined, "auto-connection", false, "base-declaration-plugs"],
    // The slot rule's deny-connection is never consulted: the plug rule exists and allows connection by default.
    ["base plug rule beats base slot rule (manual)", undefined, undefined, "connection", true, "base-declaration-plugs"],
    ["slot snap-declaration beats base", undefined, decl(undefined, { x: { "allow-auto-connection": true } }), "auto-connection", true, "slot-snap-declaration"],
    ["plug snap-declaration beats slot snap-declaration", decl({ x: { "deny-auto-connection": true } }), decl(undefined, { x: true }), "auto-connection", false, "plug-snap-declaration"],
    ["a declaration without a rule for the interface falls through", decl({ other: true }), EMPTY, "auto-connection", false, "base-declaration-plugs"],
    ["plug snap-declaration allows what the base denies", decl({ x: { "allow-auto-connection": true } }), undefined, "auto-connection", true, "plug-snap-declaration"],
  ])("%s", (_n, plugDecl, slotDecl, kind, allowed, level) => {
    const d = check(kind, plugDecl, slotDecl);
    expect(d.allowed).toBe(allowed);
    expect(d.level).toBe(level);
  });

  it("with no rule anywhere, connection is allowed by default", () => {
    const d = checkConnection("connection", { plug: ep({ interface: "y" }), slot: ep({ interface: "y" }), base, device: classic });
    expect(d.allowed).toBe(true);
    expect(d.level).toBeUndefined();
    expect(d.reason).toMatch(/allowed by default/);
  });
});

describe("arity", () => {
  it.each([
    [{ "allow-auto-connection": true }, 1, "*"],
    [{ "allow-auto-connection": { "slots-per-plug": "*" } }, "*", "*"],
    // As snapd reads them: plugs-per-slot is always any, and a number of slots per plug means one.
    [{ "allow-auto-connection": { "slots-per-plug": "2", "plugs-per-slot": "1" } }, 1, "*"],
    [{ "allow-auto-connection": [{ "on-classic": false, "slots-per-plug": "*" }, { "on-classic": true, "slots-per-plug": "3" }] }, 1, "*"],
  ])("%j gives slots-per-plug %s, plugs-per-slot %s", (rule, spp, pps) => {
    const d = autoWithPlugRule(rule);
    expect(d.allowed).toBe(true);
    expect(d.slotsPerPlug).toBe(spp);
    expect(d.plugsPerSlot).toBe(pps);
  });
  it("is accepted on allow-connection (where it changes nothing) but not on deny or installation rules", () => {
    expect(() => compileRule({ "allow-connection": { "slots-per-plug": "*" } }, "plug", "t")).not.toThrow();
    expect(() => compileRule({ "deny-auto-connection": { "slots-per-plug": "*" } }, "plug", "t")).toThrow(/"slots-per-plug" is not allowed here/);
    expect(() => compileRule({ "allow-installation": { "slots-per-plug": "*" } }, "plug", "t")).toThrow(/"slots-per-plug" is not allowed here/);
  });
});

describe("installation", () => {
  const base = decl({ su: { "allow-installation": false } }, { x: { "allow-installation": { "slot-snap-type": ["core"] } }, gadgety: { "allow-installation": { "slot-snap-type": ["gadget"], "slot-attributes": { path: "/dev/.*" } }, "deny-installation": { "on-classic": true } } });
  const install = (over: { plugs?: PolicyEndpoint[]; slots?: PolicyEndpoint[]; declaration?: Declaration; device?: DeviceScope }) =>
    checkInstallation({ plugs: [], slots: [], base, device: classic, declaration: EMPTY, ...over });

  it.each<[string, Parameters<typeof install>[0], boolean, RegExp | null]>([
    ["a super-privileged plug is refused", { plugs: [ep({ interface: "su", name: "su" })] }, false, /installation not allowed by allow-installation in the base declaration \(plugs\): the rule is false/],
    ["its snap-declaration can allow it", { plugs: [ep({ interface: "su" })], declaration: decl({ su: { "allow-installation": true } }) }, true, null],
    ["a core-only slot on an app is refused", { slots: [ep({ interface: "x" })] }, false, /slot-snap-type: snap type "app"/],
    ["deny-installation beats allow", { slots: [ep({ interface: "gadgety", snapType: "gadget", attrs: { path: "/dev/x" } })] }, false, /denied by deny-installation/],
    ["slot attributes are checked", { slots: [ep({ interface: "gadgety", snapType: "gadget", attrs: { path: "/tmp/x" } })], device: core }, false, /slot-attributes/],
    ["everything holds", { slots: [ep({ interface: "gadgety", snapType: "gadget", attrs: { path: "/dev/x" } })], device: core }, true, null],
  ])("%s", (_n, over, allowed, reason) => {
    const d = install(over);
    expect(d.allowed).toBe(allowed);
    if (reason) expect(d.refusal?.decision.reason).toMatch(reason);
  });

  it("for an unasserted snap only slot-snap-type and on-classic of allow-installation count", () => {
    const slots = (iface: string, attrs: AttrMap = {}, snapType: PolicyEndpoint["snapType"] = "app") => [ep({ interface: iface, attrs, snapType })];
    expect(checkInstallationMinimal({ slots: slots("x"), base, device: classic }).allowed).toBe(false);
    // deny-installation and attribute constraints are ignored: only the snap type counts.
    expect(checkInstallationMinimal({ slots: slots("gadgety", { path: "/tmp" }, "gadget"), base, device: classic }).allowed).toBe(true);
    // Plugs are not checked at all, and allow-installation: false has no snap-type constraint.
    expect(checkInstallationMinimal({ slots: [], base, device: classic }).allowed).toBe(true);
  });
});

describe("rules are validated when compiled", () => {
  it.each([
    [{ "allow-auto-connection": { "frobnicate": true } }, /constraint "frobnicate" is not allowed here/],
    [{ "allow-installation": { "slot-publisher-id": ["x"] } }, /not allowed here/],
    [{ "allow-connection": { "plug-attributes": { a: "(" } } }, /invalid regular expression/],
    [{ "allow-connection": { "plug-attributes": { a: "$WHAT" } } }, /unknown special value/],
    [{ "allow-connection": { "slot-snap-type": ["desktop"] } }, /"desktop" is not one of/],
    [{ "allow-connection": { "on-classic": "maybe" } }, /must be true or false/],
    [{ "allow-connection": {} }, /at least one constraint/],
    [{ "allow-connection": [] }, /empty list/],
    [{ "permit-connection": true }, /unknown key "permit-connection"/],
    ["sometimes", /must be true, false or a map/],
  ])("%j is refused", (rule, re) => {
    expect(() => compileRule(rule, "plug", "rule")).toThrow(re);
  });
});
