import type { AttrMap, AttrValue } from "../snap/index.js";
import type { AttrMatcher } from "./types.js";

/** The attributes of both ends, for $PLUG(...) and $SLOT(...) references. */
export interface AttrContext {
  readonly plug: AttrMap;
  readonly slot: AttrMap;
  /** Publisher ids of both ends, for $PLUG_PUBLISHER_ID and $SLOT_PUBLISHER_ID. */
  readonly plugPublisher?: string | undefined;
  readonly slotPublisher?: string | undefined;
}

/**
 * Returns null when `value` (at `path`) satisfies the matcher, else why not.
 * Strings are anchored regular expressions; maps need each listed key; a list
 * of alternatives matches a scalar when any alternative does, and a list
 * value when each of its elements matches some alternative.
 */
export function matchAttr(m: AttrMatcher, path: string, value: AttrValue | undefined, ctx: AttrContext): string | null {
  switch (m.kind) {
    case "missing":
      return value === undefined ? null : `attribute ${path} is set (the rule wants it missing)`;
    case "ref": {
      const other = lookup(m.side === "plug" ? ctx.plug : ctx.slot, m.path);
      const label = `$${m.side.toUpperCase()}(${m.path})`;
      if (other === undefined) return `${label} is not set`;
      if (value === undefined) return `attribute ${path} is not set (the rule wants ${label} = ${show(other)})`;
      return deepEqual(value, other) ? null : `attribute ${path} is ${show(value)}, not ${label} = ${show(other)}`;
    }
    case "publisher": {
      const label = `$${m.side.toUpperCase()}_PUBLISHER_ID`;
      const id = m.side === "plug" ? ctx.plugPublisher : ctx.slotPublisher;
      if (id === undefined) return `${label} is not known (the ${m.side} snap has no publisher)`;
      if (value === undefined) return `attribute ${path} is not set (the rule wants ${label} = ${show(id)})`;
      return value === id ? null : `attribute ${path} is ${show(value)}, not ${label} = ${show(id)}`;
    }
    case "regexp": {
      if (value === undefined) return `attribute ${path} is not set (the rule wants /${m.source}/)`;
      if (typeof value === "object") return `attribute ${path} is ${Array.isArray(value) ? "a list" : "a map"}, not a scalar matching /${m.source}/`;
      const text = String(value);
      return m.re.test(text) ? null : `attribute ${path} is ${show(value)}, which does not match /${m.source}/`;
    }
    case "map": {
      if (value === undefined) return `attribute ${path} is not set`;
      if (typeof value !== "object" || Array.isArray(value)) return `attribute ${path} is not a map`;
      for (const [k, sub] of m.entries) {
        const problem = matchAttr(sub, path ? `${path}.${k}` : k, (value as AttrMap)[k], ctx);
        if (problem) return problem;
      }
      return null;
    }
    case "alternatives": {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const el = value[i] as AttrValue;
          if (m.options.every((o) => matchAttr(o, `${path}[${i}]`, el, ctx) !== null)) {
            return `attribute ${path}[${i}] = ${show(el)} matches none of the alternatives`;
          }
        }
        return null;
      }
      let first: string | null = null;
      for (const o of m.options) {
        const problem = matchAttr(o, path, value, ctx);
        if (problem === null) return null;
        first ??= problem;
      }
      return first;
    }
  }
}

/** The top-level `plug-attributes` / `slot-attributes` map against an endpoint's attributes. */
export function matchAttrs(m: AttrMatcher, attrs: AttrMap, ctx: AttrContext): string | null {
  return matchAttr(m, "", attrs, ctx);
}

function lookup(attrs: AttrMap, path: string): AttrValue | undefined {
  let cur: AttrValue | undefined = attrs;
  for (const part of path.split(".")) {
    if (cur === undefined || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = Object.hasOwn(cur, part) ? (cur as AttrMap)[part] : undefined;
  }
  return cur;
}

function deepEqual(a: AttrValue, b: AttrValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i] as AttrValue));
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual((a as AttrMap)[k]!, (b as AttrMap)[k]!));
}

function show(v: AttrValue): string {
  return JSON.stringify(v);
}
