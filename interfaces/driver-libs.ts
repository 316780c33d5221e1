// What the *-driver-libs interfaces share. Their slots come from a snap that
// carries a GPU (or video, or CUDA) driver's user-space libraries, typically
// NVIDIA's; their plug, in snapd, is an implicit one of the system snap, so
// that connecting makes the host use the snap's libraries. The interfaces add
// no AppArmor, seccomp or udev rules. A connection's effect is on the host
// (src/backends/host-libraries): on classic, an ld.so.conf.d entry with the
// slot's library directories and links from the host's driver directories
// (GLVND's EGL vendors, Vulkan's ICDs and layers, GBM's back-ends) to the
// snap's manifests and libraries; on both, the list of library directories
// snapd's snap-confine reads (Plugboard writes it under its own export
// directory; its launcher does not bind these libraries into confined apps).
// The slot's attributes are checked as snapd checks them, so that a slot
// snapd refuses is refused here too.
//
// Stricter than snapd, on purpose:
// - A *-source directory must be a clean relative path of plain characters
//   after $SNAP/ (the verbatim validator's rules): snapd also takes, say,
//   "$SNAP/a/../b" or "$SNAP//b", but these paths are meant to reach host
//   configuration and mount tables, where only plain paths are safe.
// - $SNAP_COMPONENT(NAME)/... directories are refused: snapd accepts them
//   when the snap defines component NAME, but Plugboard does not install
//   snap components, so no such directory could ever exist.
// - gbm's client-driver may not be "." or "..", which snapd's pattern allows
//   although they name no file.

import {
  AttributeProblem,
  cleanPath,
  onClassic,
  verbatimPathProblem,
  type BaseDeclarationFragment,
  type HostLibrariesSnippet,
  type HostLinkRequest,
  type SystemPlugContext,
} from "../src/iface/index.js";
import type { AttrMap, AttrValue, SlotInfo } from "../src/snap/index.js";

const show = (v: AttrValue) => JSON.stringify(v);

/**
 * Base declaration of every *-driver-libs interface: only the system snap may
 * have the plug, it may connect to any number of slots but never on its own,
 * and a slot needs a snap declaration that allows it.
 *
 * snapd writes the plug's allow-connection as `{slots-per-plug: *}`. For a
 * connection (as opposed to an auto-connection) snapd turns every
 * slots-per-plug into `*`, so that rule allows the same as no allow-connection
 * at all; Plugboard's rule compiler takes arity only in allow-auto-connection,
 * so the equivalent form without it is written here.
 */
export const DRIVER_LIBS_BASE_DECLARATION: BaseDeclarationFragment = {
  plugs: { "allow-installation": { "plug-snap-type": ["core"] }, "deny-auto-connection": true },
  slots: { "allow-installation": false, "deny-auto-connection": true },
};

// --- compatibility expressions ----------------------------------------------
//
// A compatibility label is a run of dimensions, each a lowercase tag (letters,
// then letters or digits, at most 32 characters, not repeated in the label)
// followed by dash-separated integers or (MIN..MAX) ranges; integers have at
// most 8 digits and no leading zero, and a tag without any counts as "-0".
// Hyphens separate everything except a new tag straight after an integer
// ("cuda-1ubuntu-2404" is two dimensions). Labels combine with AND and OR and
// parentheses; AND and OR cannot be mixed without parentheses. snapd's reader
// also takes non-ASCII letters and digits, but every tag must equal one the
// interface names and every integer must be ASCII digits, so only ASCII
// expressions can pass there too; here anything else fails early.

/** One integer range of a dimension, MIN..MAX (MIN = MAX for a plain integer). */
export interface CompatRange {
  readonly min: number;
  readonly max: number;
}

/** A tag and the ranges after it. */
export interface CompatDimension {
  readonly tag: string;
  readonly values: readonly CompatRange[];
}

/** What an interface accepts: exactly these tags in order, each value inside its range. */
export type CompatSpec = readonly CompatDimension[];

/** Any value from MIN up. Integers have at most 8 digits, so no larger bound is ever reached. */
export const FROM = (min: number): CompatRange => ({ min, max: Number.MAX_SAFE_INTEGER });
export const EXACTLY = (n: number): CompatRange => ({ min: n, max: n });

type Token = { kind: "label"; dims: CompatDimension[] } | { kind: "AND" | "OR" | "(" | ")" };

class CompatError extends Error {}

const isLower = (c: string | undefined) => c !== undefined && c >= "a" && c <= "z";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isBlank = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const peek = () => input[pos];
  const readInteger = (): number => {
    const start = pos;
    while (isDigit(peek())) pos++;
    if (pos === start) throw new CompatError(`expected an integer at ${peek() === undefined ? "the end" : show(peek()!)}`);
    const digits = input.slice(start, pos);
    if (digits.length > 1 && digits.startsWith("0")) throw new CompatError(`integer ${digits} starts with 0`);
    if (digits.length > 8) throw new CompatError(`integer ${digits} has more than 8 digits`);
    return Number(digits);
  };
  const readRange = (): CompatRange => {
    pos++; // "("
    const min = readInteger();
    if (!input.startsWith("..", pos)) throw new CompatError('an integer range needs ".." between its ends');
    pos += 2;
    const max = readInteger();
    if (max < min) throw new CompatError(`range (${min}..${max}) ends below its start`);
    if (peek() !== ")") throw new CompatError(`range (${min}..${max} is not closed with ")"`);
    pos++;
    return { min, max };
  };
  const readLabel = (): CompatDimension[] => {
    const dims: { tag: string; values: CompatRange[] }[] = [];
    const seen = new Set<string>();
    for (;;) {
      const c = peek();
      if (isLower(c)) {
        const start = pos;
        while (isLower(peek()) || isDigit(peek())) pos++;
        const tag = input.slice(start, pos);
        if (tag.length > 32) throw new CompatError(`tag ${show(tag)} is longer than 32 characters`);
        if (seen.has(tag)) throw new CompatError(`tag ${show(tag)} appears twice in one label`);
        seen.add(tag);
        dims.push({ tag, values: [] });
      } else if (c === "-") {
        pos++;
        const n = peek();
        if (!isLower(n) && !isDigit(n) && n !== "(") throw new CompatError(`a hyphen must be followed by a tag, an integer or a range, not ${n === undefined ? "the end" : show(n)}`);
        if (n === "(") dims[dims.length - 1]!.values.push(readRange());
      } else if (isDigit(c)) {
        const v = readInteger();
        dims[dims.length - 1]!.values.push({ min: v, max: v });
      } else {
        break;
      }
    }
    return dims.map((d) => (d.values.length ? d : { tag: d.tag, values: [{ min: 0, max: 0 }] }));
  };
  for (;;) {
    while (isBlank(peek())) pos++;
    const c = peek();
    if (c === undefined) return tokens;
    if (input.startsWith("AND", pos)) {
      tokens.push({ kind: "AND" });
      pos += 3;
    } else if (input.startsWith("OR", pos)) {
      tokens.push({ kind: "OR" });
      pos += 2;
    } else if (isLower(c)) {
      tokens.push({ kind: "label", dims: readLabel() });
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: c });
      pos++;
    } else {
      throw new CompatError(`unexpected character ${show(c)}`);
    }
  }
}

const describe = (t: Token | undefined) => (t === undefined ? "the end" : t.kind === "label" ? "a label" : show(t.kind));

/** An expression's tree: a label, or one operator over two or more operands. */
type CompatNode = { readonly label: CompatDimension[] } | { readonly op: "AND" | "OR"; readonly operands: readonly CompatNode[] };

/** An expression's tree and its labels, once its grammar is checked. */
function parseExpression(input: string): { tree: CompatNode; labels: CompatDimension[][] } {
  const tokens = tokenize(input);
  if (tokens.length === 0) throw new CompatError("is empty");
  const labels: CompatDimension[][] = [];
  let pos = 0;
  const peek = () => tokens[pos];
  const atom = (): CompatNode => {
    const t = tokens[pos++];
    if (t?.kind === "label") {
      labels.push(t.dims);
      return { label: t.dims };
    }
    if (t?.kind !== "(") throw new CompatError(`expected a label or "(", found ${describe(t)}`);
    const inner = expr();
    const close = tokens[pos++];
    if (close?.kind !== ")") throw new CompatError(`expected ")", found ${describe(close)}`);
    return inner;
  };
  // atom (OP atom)* with one operator throughout, up to ")" or the end.
  const expr = (): CompatNode => {
    const operands = [atom()];
    const first = peek();
    if (first === undefined || first.kind === ")") return operands[0]!;
    if (first.kind !== "AND" && first.kind !== "OR") throw new CompatError(`expected AND, OR or the end, found ${describe(first)}`);
    while (peek()?.kind === first.kind) {
      pos++;
      operands.push(atom());
    }
    const next = peek();
    if (next !== undefined && next.kind !== ")") throw new CompatError(`expected ${first.kind}, ")" or the end, found ${describe(next)}; put parentheses around a mix of AND and OR`);
    return { op: first.kind, operands };
  };
  const tree = expr();
  if (pos < tokens.length) throw new CompatError(`unexpected ${describe(peek())} at the end`);
  return { tree, labels };
}

const parseLabels = (input: string) => parseExpression(input).labels;

/** Two labels match when they have the same tags, as many values each, and every pair of ranges overlaps. */
function labelsMatch(a: readonly CompatDimension[], b: readonly CompatDimension[]): boolean {
  return (
    a.length === b.length &&
    a.every((d, i) => {
      const e = b[i]!;
      return d.tag === e.tag && d.values.length === e.values.length && d.values.every((v, j) => v.max >= e.values[j]!.min && e.values[j]!.max >= v.min);
    })
  );
}

function satisfied(node: CompatNode, labels: readonly CompatDimension[][]): boolean {
  if ("label" in node) return labels.some((l) => labelsMatch(l, node.label));
  return node.op === "OR" ? node.operands.some((n) => satisfied(n, labels)) : node.operands.every((n) => satisfied(n, labels));
}

/**
 * Whether two expressions are compatible: what each one requires (its
 * ANDs of ORs) is met by some label of the other, both ways. An expression
 * that does not parse is compatible with nothing.
 */
export function compatible(a: string, b: string): boolean {
  try {
    const x = parseExpression(a);
    const y = parseExpression(b);
    return satisfied(x.tree, y.labels) && satisfied(y.tree, x.labels);
  } catch (err) {
    if (err instanceof CompatError) return false;
    throw err;
  }
}

const MAX_DIMENSIONS = 3;
const MAX_VALUES = 3;
const range = (r: CompatRange) => (r.min === r.max ? `${r.min}` : `(${r.min}..${r.max >= Number.MAX_SAFE_INTEGER ? "" : r.max})`);

function labelAgainstSpec(dims: readonly CompatDimension[], spec: CompatSpec): void {
  if (dims.length !== spec.length) throw new CompatError(`a label must have ${spec.length} tags (${spec.map((d) => d.tag).join(", ")}), not ${dims.length}`);
  dims.forEach((d, i) => {
    const want = spec[i]!;
    if (d.tag !== want.tag) throw new CompatError(`tag ${i + 1} must be ${show(want.tag)}, not ${show(d.tag)}`);
    if (d.values.length !== want.values.length) throw new CompatError(`${want.tag} takes ${want.values.length} integer(s) or range(s), not ${d.values.length}`);
    d.values.forEach((v, j) => {
      const w = want.values[j]!;
      if (v.min < w.min || v.max > w.max) throw new CompatError(`${want.tag} value ${range(v)} is outside ${range(w)}`);
    });
  });
}

/** Why `expr` is not a compatibility expression every label of which fits `spec` (when given), or null. */
export function compatibilityProblem(expr: string, spec?: CompatSpec): string | null {
  try {
    const labels = parseLabels(expr);
    for (const dims of labels) {
      if (dims.length > MAX_DIMENSIONS) throw new CompatError(`a label may have at most ${MAX_DIMENSIONS} tags`);
      if (dims.some((d) => d.values.length > MAX_VALUES)) throw new CompatError(`a tag may have at most ${MAX_VALUES} integers or ranges`);
    }
    if (spec) for (const dims of labels) labelAgainstSpec(dims, spec);
    return null;
  } catch (err) {
    if (err instanceof CompatError) return err.message;
    throw err;
  }
}

/**
 * Checks the slot's `compatibility`: a string whose labels all fit one of the
 * specs (gbm has one per architecture tag). With several, the last one's
 * complaint is reported, as snapd does.
 */
export function checkCompatibility(attrs: AttrMap, ...specs: CompatSpec[]): void {
  const v = attrs["compatibility"];
  if (v === undefined) throw new AttributeProblem("compatibility must be set (a compatibility expression such as the examples show)");
  if (typeof v !== "string") throw new AttributeProblem(`compatibility must be a string, not ${show(v)}`);
  let problem: string | null = null;
  for (const spec of specs) {
    problem = compatibilityProblem(v, spec);
    if (problem === null) return;
  }
  throw new AttributeProblem(`compatibility ${show(v)}: ${problem}`);
}

// --- *-source directories ---------------------------------------------------

const SNAP_PREFIXES = ["$SNAP/", "${SNAP}/"];
const COMPONENT_PREFIX = "$SNAP_COMPONENT(";

/** Why one entry of a *-source list is refused, or null. */
export function sourceDirProblem(dir: string): string | null {
  if (dir.startsWith(COMPONENT_PREFIX)) {
    const close = dir.indexOf(")/", COMPONENT_PREFIX.length);
    if (close < 0) return `is not of the form $SNAP_COMPONENT(NAME)/PATH`;
    return `names component ${show(dir.slice(COMPONENT_PREFIX.length, close))}, but Plugboard does not install snap components`;
  }
  const prefix = SNAP_PREFIXES.find((p) => dir.startsWith(p));
  if (prefix === undefined) return "must start with $SNAP/ or ${SNAP}/";
  const inside = dir.slice(prefix.length);
  // The snap itself.
  if (inside === "") return null;
  // snapd's own test: the cleaned path must not start with "..".
  if (cleanPath(inside).startsWith("..")) return "points outside of the snap";
  if (inside.startsWith("/")) return `is not a clean path (doubled "/"); write ${show(prefix + inside.replace(/^\/+/, ""))} if that is what is meant`;
  return verbatimPathProblem(inside);
}

/** Checks a *-source attribute: a list of directories of the snap; left out only when optional. */
export function checkSourceDirs(attrs: AttrMap, key: string, optional = false): void {
  const v = attrs[key];
  if (v === undefined) {
    if (optional) return;
    throw new AttributeProblem(`${key} must be set (a list of directories starting with $SNAP/)`);
  }
  if (!Array.isArray(v)) throw new AttributeProblem(`${key} must be a list of directories starting with $SNAP/, not ${show(v)}`);
  v.forEach((item: AttrValue, i: number) => {
    if (typeof item !== "string") throw new AttributeProblem(`${key}[${i}] must be a string, not ${show(item)}`);
    const problem = sourceDirProblem(item);
    if (problem) throw new AttributeProblem(`${key}[${i}] ${show(item)} ${problem}`);
  });
}

/** The slot's attributes after the checks, unchanged: snapd keeps unknown attributes of these slots too. */
export const keep = (slot: SlotInfo): AttrMap => slot.attrs;

// --- what a connection does on the host --------------------------------------

/** A *-source list of a slot that sanitizeSlot accepted (absent when optional and left out). */
export const sourceDirs = (attrs: AttrMap, key: string): string[] => {
  const v = attrs[key];
  return Array.isArray(v) ? v.filter((d): d is string => typeof d === "string") : [];
};

/**
 * The host side of a connection of the system's plug to a driver slot:
 * snapd adds library-source to the loader's search path and makes the
 * links only on classic (a core system's own image decides its loader
 * configuration), and lists library-source for confined apps on both.
 */
export function driverLibsOnHost(
  ctx: SystemPlugContext,
  opts: { loaderPath?: boolean; exportList?: boolean; links?: (ctx: SystemPlugContext) => HostLinkRequest[] } = {},
): HostLibrariesSnippet {
  const classic = onClassic(ctx);
  return {
    libraryDirs: sourceDirs(ctx.slot.attrs, "library-source"),
    loaderPath: opts.loaderPath ?? classic,
    exportList: opts.exportList ?? true,
    ...(classic && opts.links ? { links: opts.links(ctx) } : {}),
  };
}

/** A JSON object's member, or undefined when the value is not an object. */
export const member = (v: unknown, key: string): unknown => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined);

/** Why a manifest's library_path does not name a library of the slot, or undefined. */
export function libraryPathProblem(libraryPath: unknown, hasLibrary: (file: string) => boolean): string | undefined {
  if (typeof libraryPath !== "string" || libraryPath === "") return "no library_path value found";
  if (!hasLibrary(libraryPath)) return `${JSON.stringify(libraryPath)} not found in the library-source directories`;
  return undefined;
}
