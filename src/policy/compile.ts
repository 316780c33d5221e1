import { ValidationError } from "../errors/index.js";
import { RULE_NAMES, type BaseDeclarationFragment, type RuleName } from "../iface/index.js";
import type { AltConstraints, Arity, AttrMatcher, CompiledRule, Constraints, Declaration, Side } from "./types.js";

// Raw rule values come from interface modules (JS values) or assertion
// headers (strings only); both are compiled to one form and checked here, so
// a malformed rule is refused when it is loaded, not when it is evaluated.

type Raw = unknown;

const INSTALL_KEYS: Record<Side, readonly string[]> = {
  plug: ["plug-attributes", "plug-snap-type", "plug-snap-id", "plug-names", "on-classic", "on-store", "on-brand", "on-model"],
  slot: ["slot-attributes", "slot-snap-type", "slot-snap-id", "slot-names", "on-classic", "on-store", "on-brand", "on-model"],
};
const CONNECTION_KEYS = [
  "plug-attributes",
  "slot-attributes",
  "plug-snap-type",
  "slot-snap-type",
  "plug-snap-id",
  "slot-snap-id",
  "plug-publisher-id",
  "slot-publisher-id",
  "plug-names",
  "slot-names",
  "on-classic",
  "on-store",
  "on-brand",
  "on-model",
];
const ARITY_KEYS = ["slots-per-plug", "plugs-per-slot"];
const SNAP_TYPES = ["app", "gadget", "kernel", "core", "snapd", "base"];
const ID_RE = /^[a-zA-Z0-9._-]+$/;
const NAME_RE = /^(?:\$INTERFACE|[a-z](?:-?[a-z0-9])*)$/;

const ALWAYS: AltConstraints = { alternatives: [{}] };
const NEVER: AltConstraints = { alternatives: [] };

/** Compiles `plugs:` or `slots:` of a declaration (interface → rule). */
export function compileSideRules(raw: Raw, side: Side, where: string): Map<string, CompiledRule> {
  const out = new Map<string, CompiledRule>();
  if (raw === undefined) return out;
  if (!isMap(raw)) throw bad(where, `${side}s must be a map of interface names to rules`);
  for (const [iface, rule] of Object.entries(raw)) {
    if (!/^[a-z](?:-?[a-z0-9])*$/.test(iface)) throw bad(where, `invalid interface name ${JSON.stringify(iface)}`);
    out.set(iface, compileRule(rule, side, `${where}: ${side} rule for interface ${JSON.stringify(iface)}`));
  }
  return out;
}

export function compileDeclaration(plugs: Raw, slots: Raw, where: string): Declaration {
  return { plugs: compileSideRules(plugs, "plug", where), slots: compileSideRules(slots, "slot", where) };
}

/** The base declaration, composed from every interface module's fragment. */
export function composeBaseDeclaration(fragments: readonly { name: string; baseDeclaration: BaseDeclarationFragment }[]): Declaration {
  const plugs = new Map<string, CompiledRule>();
  const slots = new Map<string, CompiledRule>();
  for (const f of fragments) {
    const where = `base declaration of ${f.name}`;
    if (f.baseDeclaration.plugs) plugs.set(f.name, compileRule(f.baseDeclaration.plugs, "plug", where));
    if (f.baseDeclaration.slots) slots.set(f.name, compileRule(f.baseDeclaration.slots, "slot", where));
  }
  return { plugs, slots };
}

export function compileRule(raw: Raw, side: Side, where: string): CompiledRule {
  const shortcut = asBool(raw);
  if (shortcut !== undefined) {
    // A whole rule of true or false: every allow-X (and no deny-X) holds, or the reverse.
    const allow = shortcut ? ALWAYS : NEVER;
    const deny = shortcut ? NEVER : ALWAYS;
    return {
      "allow-installation": allow,
      "deny-installation": deny,
      "allow-connection": allow,
      "deny-connection": deny,
      "allow-auto-connection": allow,
      "deny-auto-connection": deny,
    };
  }
  if (!isMap(raw)) throw bad(where, "a rule must be true, false or a map of allow-*/deny-* keys");
  for (const k of Object.keys(raw)) {
    if (!(RULE_NAMES as readonly string[]).includes(k)) throw bad(where, `unknown key ${JSON.stringify(k)}; expected one of ${RULE_NAMES.join(", ")}`);
  }
  const get = (name: RuleName) => compileAlternatives(raw[name], name, side, `${where}: ${name}`);
  return {
    "allow-installation": get("allow-installation"),
    "deny-installation": get("deny-installation"),
    "allow-connection": get("allow-connection"),
    "deny-connection": get("deny-connection"),
    "allow-auto-connection": get("allow-auto-connection"),
    "deny-auto-connection": get("deny-auto-connection"),
  };
}

function compileAlternatives(raw: Raw, name: RuleName, side: Side, where: string): AltConstraints {
  const isDeny = name.startsWith("deny-");
  if (raw === undefined) return isDeny ? NEVER : ALWAYS;
  const b = asBool(raw);
  if (b !== undefined) return b ? ALWAYS : NEVER;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw bad(where, "an empty list of alternatives");
  const installation = name.endsWith("-installation");
  // Arities belong to allow-connection and allow-auto-connection, as in snapd.
  const allowed = installation ? INSTALL_KEYS[side] : [...CONNECTION_KEYS, ...(isDeny ? [] : ARITY_KEYS)];
  const alternatives = list.map((alt, i) => compileConstraints(alt, allowed, list.length > 1 ? `${where}[${i}]` : where));
  return { alternatives: alternatives.map((c) => normaliseArity(c, name)) };
}

/**
 * snapd reads arities in one way only: plugs-per-slot is always any; an
 * auto-connection's slots-per-plug is any or one (any other number means
 * one), and a manual connection's is always any.
 */
function normaliseArity(c: Constraints, name: RuleName): Constraints {
  if (c.slotsPerPlug === undefined && c.plugsPerSlot === undefined) return c;
  const { slotsPerPlug, plugsPerSlot: _ignored, ...rest } = c;
  if (name !== "allow-auto-connection") return rest as Constraints;
  return { ...rest, ...(slotsPerPlug !== undefined ? { slotsPerPlug: slotsPerPlug === "*" ? "*" : 1 } : {}) } as Constraints;
}

function compileConstraints(raw: Raw, allowed: readonly string[], where: string): Constraints {
  if (!isMap(raw)) throw bad(where, "constraints must be a map");
  const keys = Object.keys(raw);
  if (keys.length === 0) throw bad(where, "constraints must name at least one constraint");
  for (const k of keys) if (!allowed.includes(k)) throw bad(where, `constraint ${JSON.stringify(k)} is not allowed here (allowed: ${allowed.join(", ")})`);
  const c: Record<string, unknown> = {};
  const at = (k: string) => `${where}: ${k}`;
  for (const [k, v] of Object.entries(raw)) {
    switch (k) {
      case "plug-attributes":
      case "slot-attributes":
        if (!isMap(v)) throw bad(at(k), "must be a map of attribute constraints");
        c[k === "plug-attributes" ? "plugAttributes" : "slotAttributes"] = compileAttrMatcher(v, at(k), 0);
        break;
      case "plug-snap-type":
      case "slot-snap-type":
        c[k === "plug-snap-type" ? "plugSnapTypes" : "slotSnapTypes"] = stringList(v, at(k), (s) => SNAP_TYPES.includes(s), `one of ${SNAP_TYPES.join(", ")}`);
        break;
      case "plug-snap-id":
      case "slot-snap-id":
        c[k === "plug-snap-id" ? "plugSnapIds" : "slotSnapIds"] = stringList(v, at(k), (s) => ID_RE.test(s), "a snap id");
        break;
      case "plug-publisher-id":
      case "slot-publisher-id": {
        const variable = k === "plug-publisher-id" ? "$SLOT_PUBLISHER_ID" : "$PLUG_PUBLISHER_ID";
        c[k === "plug-publisher-id" ? "plugPublisherIds" : "slotPublisherIds"] = stringList(v, at(k), (s) => s === variable || ID_RE.test(s), `an account id or ${variable}`);
        break;
      }
      case "plug-names":
      case "slot-names":
        c[k === "plug-names" ? "plugNames" : "slotNames"] = stringList(v, at(k), (s) => NAME_RE.test(s), "a plug/slot name or $INTERFACE");
        break;
      case "on-classic": {
        const b = asBool(v);
        if (b === undefined) throw bad(at(k), "must be true or false");
        c["onClassic"] = b;
        break;
      }
      case "on-store":
      case "on-brand":
        c[k === "on-store" ? "onStore" : "onBrand"] = stringList(v, at(k), (s) => ID_RE.test(s), "an id");
        break;
      case "on-model":
        c["onModel"] = stringList(v, at(k), (s) => /^[a-zA-Z0-9._-]+\/[a-zA-Z0-9._-]+$/.test(s), "brand/model");
        break;
      case "slots-per-plug":
      case "plugs-per-slot":
        c[k === "slots-per-plug" ? "slotsPerPlug" : "plugsPerSlot"] = arity(v, at(k));
        break;
    }
  }
  return c as Constraints;
}

function compileAttrMatcher(raw: Raw, where: string, depth: number): AttrMatcher {
  if (depth > 16) throw bad(where, "attribute constraints nest too deeply");
  if (isMap(raw)) {
    const entries = new Map<string, AttrMatcher>();
    for (const [k, v] of Object.entries(raw)) entries.set(k, compileAttrMatcher(v, `${where}.${k}`, depth + 1));
    return { kind: "map", entries };
  }
  if (Array.isArray(raw)) {
    if (raw.length === 0) throw bad(where, "an empty list of alternatives");
    return { kind: "alternatives", options: raw.map((v, i) => compileAttrMatcher(v, `${where}[${i}]`, depth + 1)) };
  }
  const s = scalarText(raw);
  if (s === undefined) throw bad(where, "attribute constraints must be strings, maps or lists");
  if (s === "$MISSING") return { kind: "missing" };
  const ref = /^\$(PLUG|SLOT)\(([a-z0-9][a-z0-9._-]*)\)$/.exec(s);
  if (ref) return { kind: "ref", side: ref[1] === "PLUG" ? "plug" : "slot", path: ref[2]! };
  if (s === "$PLUG_PUBLISHER_ID" || s === "$SLOT_PUBLISHER_ID") return { kind: "publisher", side: s === "$PLUG_PUBLISHER_ID" ? "plug" : "slot" };
  if (s.startsWith("$")) throw bad(where, `unknown special value ${JSON.stringify(s)} (use $PLUG(attr), $SLOT(attr), $PLUG_PUBLISHER_ID, $SLOT_PUBLISHER_ID or $MISSING)`);
  try {
    return { kind: "regexp", source: s, re: new RegExp(`^(?:${s})$`, "u") };
  } catch (e) {
    throw bad(where, `invalid regular expression ${JSON.stringify(s)}: ${(e as Error).message}`);
  }
}

function stringList(raw: Raw, where: string, ok: (s: string) => boolean, what: string): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((v) => {
    const s = scalarText(v);
    if (s === undefined || !ok(s)) throw bad(where, `${JSON.stringify(v)} is not ${what}`);
    return s;
  });
}

function arity(raw: Raw, where: string): Arity {
  const s = scalarText(raw);
  if (s === "*") return "*";
  if (s !== undefined && /^[1-9][0-9]{0,3}$/.test(s)) return Number(s);
  throw bad(where, `must be * or a positive number, not ${JSON.stringify(raw)}`);
}

/** Assertion headers spell booleans and numbers as strings; modules use JS values. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return undefined;
}

function asBool(v: unknown): boolean | undefined {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  return undefined;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function bad(where: string, message: string): ValidationError {
  return new ValidationError(`${where}: ${message}`);
}
