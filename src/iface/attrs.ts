import type { AttrMap, AttrValue } from "../snap/index.js";
import { AttributeProblem } from "./types.js";
import { verbatimPathProblem } from "./verbatim.js";

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

/**
 * A content-sharing path: either relative to $SNAP or starting with $SNAP,
 * $SNAP_DATA or $SNAP_COMMON; after the variable, a clean path of plain
 * printable ASCII without AppArmor, udev or fstab syntax (see verbatim.ts).
 */
export function snapPathProblem(p: string): string | null {
  if (p.length === 0) return "must not be empty";
  // As in snapd, a path without a variable is inside $SNAP, with or without a leading slash.
  if (p === "." || p === "/") return null;
  const rest = p.replace(/^\$(SNAP_DATA|SNAP_COMMON|SNAP)(?=\/|$)/, "");
  return rest === "" ? null : verbatimPathProblem(rest);
}
