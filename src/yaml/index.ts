import { parseDocument, isAlias, isMap, isNode, isScalar, isSeq, visit, type Alias, type Document, type Node as YamlAstNode } from "yaml";
import { ValidationError } from "../errors/index.js";
import { lineBeyondNesting } from "./nesting.js";

/**
 * A YAML document as snapd's YAML 1.1 reader sees it. Each scalar keeps both
 * its resolved value (yes → true, 0755 → 493) and its source text, because a
 * Go string field receives the source text ("version: 1.10" is "1.10") while
 * an attribute (interface{}) receives the resolved value.
 */
export type YNode = YScalar | YSeq | YMap;
export interface YScalar {
  readonly kind: "scalar";
  readonly value: string | number | boolean | null;
  readonly source: string;
  readonly line: number;
}
export interface YSeq {
  readonly kind: "seq";
  readonly items: readonly YNode[];
  readonly line: number;
}
export interface YMap {
  readonly kind: "map";
  /** Keys in document order; a key is its source text. */
  readonly entries: ReadonlyMap<string, YNode>;
  /** Keys whose resolved value is not a string (e.g. `yes:` is a boolean in YAML 1.1). */
  readonly nonStringKeys: ReadonlySet<string>;
  readonly line: number;
}

export interface YamlLimits {
  /** Largest accepted document, in bytes. */
  readonly maxBytes: number;
  /** Deepest accepted nesting of maps and lists. */
  readonly maxDepth: number;
  /** Most nodes visited while expanding the document, aliases included. */
  readonly maxNodes: number;
}

export const SNAP_YAML_LIMITS: YamlLimits = { maxBytes: 1 << 20, maxDepth: 64, maxNodes: 200_000 };

/** Parses one YAML 1.1 document. Every failure is a ValidationError naming the file. */
export function parseYaml11(text: string, file: string, limits: YamlLimits = SNAP_YAML_LIMITS): YNode | null {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxBytes) {
    throw new ValidationError(
      `document is ${bytes} bytes, larger than the ${limits.maxBytes}-byte limit`,
      { file },
    );
  }
  if (text.includes("\0")) throw new ValidationError("document contains a NUL byte", { file });
  const tooDeep = (line?: number) => new ValidationError(`document nests deeper than ${limits.maxDepth} levels${line ? ` (line ${line})` : ""}`, { file });
  // Measured before parsing: the parser and composer recurse per level and
  // would overflow the stack on input nested a few thousand levels deep. The
  // innermost of maxDepth + 2 nested collections is at depth maxDepth + 1, past the limit.
  const deepLine = lineBeyondNesting(text, limits.maxDepth + 1);
  if (deepLine !== null) throw tooDeep(deepLine);
  let doc: Document;
  try {
    doc = parse(text);
    if (doc.errors.some((e) => e.code === "MISSING_CHAR")) {
      const relaxed = indentQuotedContinuations(text, doc.errors);
      if (relaxed !== text) {
        const retry = parse(relaxed);
        if (retry.errors.length === 0) doc = retry;
      }
    }
  } catch (e) {
    throw new ValidationError(`cannot parse YAML: ${describe(e)}`, { file });
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = first.linePos?.[0];
    const at = pos ? ` (line ${pos.line}, column ${pos.col})` : "";
    const message = firstLine(first.message).replace(/ at line \d+, column \d+:?$/, "");
    throw new ValidationError(`cannot parse YAML${at}: ${message}`, { file });
  }
  if (doc.contents === null) return null;
  const lineOf = lineCounter(text);
  const targets = aliasTargets(doc);
  // An aliased node is converted once; every further alias of it still counts
  // its full size and height against the limits, without walking it again,
  // so refusing an alias bomb costs the size of the text, not of the expansion.
  const expanded = new Map<YamlAstNode, { node: YNode; size: number; height: number }>();
  const tooMany = () => new ValidationError(`document expands to more than ${limits.maxNodes} nodes (alias bomb?)`, { file });
  let visited = 0;
  let deepest = 0;
  const convert = (node: unknown, depth: number): YNode => {
    if (++visited > limits.maxNodes) throw tooMany();
    if (depth > limits.maxDepth) throw tooDeep(lineOf((node as YamlAstNode).range?.[0] ?? 0));
    deepest = Math.max(deepest, depth);
    if (isAlias(node)) {
      const target = targets.get(node);
      if (!target) throw new ValidationError(`unresolved alias *${node.source}`, { file });
      const known = expanded.get(target);
      if (known) {
        visited += known.size;
        if (visited > limits.maxNodes) throw tooMany();
        if (depth + 1 + known.height > limits.maxDepth) throw tooDeep(lineOf(node.range?.[0] ?? 0));
        deepest = Math.max(deepest, depth + 1 + known.height);
        return known.node;
      }
      const [visitedBefore, deepestBefore] = [visited, deepest];
      deepest = depth + 1;
      const result = convert(target, depth + 1);
      expanded.set(target, { node: result, size: visited - visitedBefore, height: deepest - (depth + 1) });
      deepest = Math.max(deepestBefore, deepest);
      return result;
    }
    const line = lineOf((node as YamlAstNode).range?.[0] ?? 0);
    if (isScalar(node)) {
      const v = node.value;
      const source = typeof node.source === "string" ? node.source : String(v);
      if (typeof v === "number" && !GO_YAML_NUMBER.test(source.replace(/_/g, ""))) {
        // The YAML 1.1 schema here reads "." and "1:20" as numbers; snapd's reader does not.
        return { kind: "scalar", value: source, source, line };
      }
      if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number") {
        return { kind: "scalar", value: v, source, line };
      }
      // Dates, binary and the like: snapd has no use for them; keep the text.
      return { kind: "scalar", value: source, source, line };
    }
    if (isSeq(node)) {
      return { kind: "seq", items: node.items.map((i) => convert(i, depth + 1)), line };
    }
    if (isMap(node)) {
      const entries = new Map<string, YNode>();
      const nonStringKeys = new Set<string>();
      const explicitKeys = new Set(
        node.items.map((p) => (isScalar(p.key) ? String(p.key.source ?? p.key.value) : "")).filter((k) => k !== "<<"),
      );
      for (const pair of node.items) {
        const k = pair.key;
        let key: string;
        if (isScalar(k)) {
          key = typeof k.source === "string" ? k.source : String(k.value);
          if (typeof k.value !== "string") nonStringKeys.add(key);
        } else if (k === null || k === undefined) {
          key = "";
          nonStringKeys.add(key);
        } else {
          throw new ValidationError(`line ${line}: map key is not a scalar`, { file });
        }
        if (key === "<<" && pair.value) {
          // YAML 1.1 merge key: explicit keys win over merged ones, earlier merges over later.
          const merged = convert(pair.value, depth + 1);
          const sources = merged.kind === "seq" ? merged.items : [merged];
          for (const src of sources) {
            if (src.kind !== "map") throw new ValidationError(`line ${line}: merge key (<<) needs a map`, { file });
            for (const [mk, mv] of src.entries) if (!explicitKeys.has(mk) && !entries.has(mk)) entries.set(mk, mv);
          }
          continue;
        }
        const value = pair.value === null || pair.value === undefined
          ? ({ kind: "scalar", value: null, source: "", line } as const)
          : convert(pair.value, depth + 1);
        entries.set(key, value);
      }
      return { kind: "map", entries, nonStringKeys, line };
    }
    throw new ValidationError(`line ${line}: unsupported YAML node`, { file });
  };
  try {
    return convert(doc.contents, 0);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new ValidationError("document is nested too deeply to read", { file });
    }
    throw e;
  }
}

/**
 * Each alias's anchor, found in one walk of the document: the last node with
 * that anchor before the alias, as the yaml library's Alias.resolve() picks
 * it. resolve() walks the whole document on every call, so expanding an alias
 * bomb up to maxNodes took seconds for a 300-byte snap.yaml (found by
 * test/fuzz.test.ts).
 */
function aliasTargets(doc: Document): Map<Alias, YamlAstNode> {
  const latest = new Map<string, YamlAstNode>();
  const out = new Map<Alias, YamlAstNode>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (target) out.set(node, target);
      } else if (isNode(node) && node.anchor) {
        latest.set(node.anchor, node);
      }
    },
  });
  return out;
}

// Alias bombs are bounded while converting (maxNodes), not by the parser.
const parse = (text: string): Document => parseDocument(text, { version: "1.1", uniqueKeys: true, prettyErrors: true });

/** Numbers as snapd's YAML reader resolves them (underscores removed first). */
const GO_YAML_NUMBER =
  /^(?:[-+]?(?:0|[1-9][0-9]*|0[0-7]+|0x[0-9a-fA-F]+|0b[01]+)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * libyaml, which snapcraft and snapd's reader follow, accepts a quoted scalar
 * whose continuation lines are indented no deeper than its key; the parser
 * here refuses them. Leading blanks of a quoted scalar's continuation lines
 * are folded away, so indenting those lines further keeps the value and lets
 * the document parse. Only lines inside the unterminated scalar are touched.
 */
function indentQuotedContinuations(text: string, errors: readonly { code: string; linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }] }[]): string {
  const lines = text.split("\n");
  for (const err of errors) {
    if (err.code !== "MISSING_CHAR" || !err.linePos) continue;
    const start = err.linePos[0].line - 1;
    const opening = lines[start];
    if (opening === undefined) continue;
    const m = /^(\s*)(?:- )?(?:"[^"]*"|'[^']*'|[^"'\s][^"']*?)\s*:\s+(["'])/.exec(opening);
    if (!m) continue;
    const keyIndent = m[1]!.length;
    const quote = m[2]!;
    const closing = quote === '"' ? /(^|[^\\])"/ : /'(?!')/;
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i]!;
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== "" && indent <= keyIndent) lines[i] = " ".repeat(keyIndent + 2 - indent) + line;
      if (closing.test(line)) break;
    }
  }
  return lines.join("\n");
}

export function isNull(n: YNode | undefined): boolean {
  return n === undefined || (n.kind === "scalar" && n.value === null);
}

export function describeNode(n: YNode): string {
  switch (n.kind) {
    case "scalar":
      return n.value === null ? "null" : JSON.stringify(n.source);
    case "seq":
      return "a list";
    case "map":
      return "a map";
  }
}

function lineCounter(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function describe(e: unknown): string {
  if (e instanceof RangeError) return "document is nested too deeply";
  return e instanceof Error ? firstLine(e.message) : String(e);
}
