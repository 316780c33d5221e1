import type { AttrMap, AttrValue } from "../snap/index.js";
import { AttributeProblem } from "./types.js";

// Small, composable attribute checks for interface modules. Each throws an
// AttributeProblem naming the attribute and the offending value.

const show = (v: AttrValue) => JSON.stringify(v);

export function onlyKnownAttrs(attrs: AttrMap, known: readonly string[]): void {
  for (const k of Object.keys(attrs)) {
    if (!known.includes(k)) {
      throw new AttributeProblem(`unknown attribute ${JSON.stringify(k)}${known.length ? ` (known: ${known.join(", ")})` : ""}`);
    }
  }
}

export function optionalBool(attrs: AttrMap, key: string): boolean | undefined {
  const v = attrs[key];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw new AttributeProblem(`${key} must be true or false, not ${show(v)}`);
  return v;
}

export function optionalString(attrs: AttrMap, key: string, pattern?: RegExp, what?: string): string | undefined {
  const v = attrs[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new AttributeProblem(`${key} must be a string, not ${show(v)}`);
  if (pattern && !pattern.test(v)) throw new AttributeProblem(`${key} ${show(v)} is not ${what ?? `of the form ${pattern}`}`);
  return v;
}

export function optionalStringList(attrs: AttrMap, key: string, check: (s: string) => string | null): string[] | undefined {
  const v = attrs[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new AttributeProblem(`${key} must be a list of strings, not ${show(v)}`);
  return v.map((item: AttrValue, i: number) => {
    if (typeof item !== "string") throw new AttributeProblem(`${key}[${i}] must be a string, not ${show(item)}`);
    const problem = check(item);
    if (problem) throw new AttributeProblem(`${key}[${i}] ${show(item)}: ${problem}`);
    return item;
  });
}

// Characters that carry meaning in AppArmor paths, udev rules or mount tables.
// A path attribute containing one could widen or inject a rule, so it is refused.
const UNSAFE_PATH_CHARS = /[\s"'`\\{}[\]*?^,#@=$!<>|;\0]/;

/**
 * A content-sharing path: either relative to $SNAP or starting with $SNAP,
 * $SNAP_DATA or $SNAP_COMMON; clean (no "..", no "./", no doubled or trailing
 * slash); and free of characters that mean something to AppArmor or fstab.
 */
export function snapPathProblem(p: string): string | null {
  if (p.length === 0) return "must not be empty";
  if (UNSAFE_PATH_CHARS.test(p.replace(/^\$(SNAP_DATA|SNAP_COMMON|SNAP)(?=\/|$)/, ""))) {
    return "contains a character that is not allowed in a path here (whitespace, quotes, globs, braces, $, and similar)";
  }
  // As in snapd, a path without a variable is inside $SNAP, with or without a leading slash.
  if (p === "." || p === "/") return null;
  if (p.endsWith("/") || p.includes("//")) return "is not a clean path (doubled or trailing slash)";
  if (p.split("/").some((seg) => seg === ".." || seg === ".")) return "is not a clean path (. or .. component)";
  return null;
}
