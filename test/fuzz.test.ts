import { execa } from "execa";
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinInterfaces, builtinRegistry } from "../interfaces/index.js";
import {
  decodeAssertions,
  decodeHeaders,
  encodeHeaders,
  KeyStore,
  signAssertion,
  validateAssertion,
  verifySignature,
  type HeaderValue,
  type Headers,
  type PrivateKey,
} from "../src/asserts/index.js";
import { DEFAULT_DEVICE } from "../src/device/index.js";
import { PlugboardError } from "../src/errors/index.js";
import { BASELINE_HOST } from "../src/iface/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { compileDeclaration } from "../src/policy/index.js";
import { Repository } from "../src/repo/index.js";
import { parseSnapYaml } from "../src/snap/index.js";
import { parseYaml11 } from "../src/yaml/index.js";
import { cliWith, EXAMPLES, tempRoot, type CliResult } from "./helpers/cli.js";

// Property tests over the two kinds of untrusted input Plugboard reads:
// snap.yaml documents and assertion streams. The promises checked are the
// ones a user relies on when handed a hostile file:
//   - nothing crashes: a refusal is a PlugboardError in process, or exit 1/2
//     with one `error: …` line from the CLI, never a stack trace;
//   - whatever is accepted renders AppArmor profiles the real parser accepts
//     (checked here with `apparmor_parser -Q -K`, independently of the CLI);
//   - whatever is refused leaves the root directory byte for byte as it was.
//
// Two layers: in process (parser, planner, assertion decoder; hundreds of runs
// a second) and through the built CLI (tens of runs, each a real process).
//
// Reproducible by default: a fixed seed. PLUGBOARD_FUZZ_RUNS=N runs the
// install and ack properties N times each (default 30) and the others
// proportionally more (time limits grow with it); PLUGBOARD_FUZZ_SEED picks
// another seed. fast-check prints the seed and path of a failure; to replay
// it, set PLUGBOARD_FUZZ_SEED and PLUGBOARD_FUZZ_PATH and select that one
// property with `vitest run test/fuzz.test.ts -t NAME`.

const DEFAULT_CLI_RUNS = 30;
const envRuns = Number(process.env["PLUGBOARD_FUZZ_RUNS"] ?? "");
const SCALE = Number.isFinite(envRuns) && envRuns > 0 ? envRuns / DEFAULT_CLI_RUNS : 1;
const SEED = Number(process.env["PLUGBOARD_FUZZ_SEED"] ?? "20261122") | 0;
const REPLAY_PATH = process.env["PLUGBOARD_FUZZ_PATH"];
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** A test's time budget grows with the number of runs asked for. */
const budget = (ms: number) => Math.round(ms * Math.max(1, SCALE));
const params = <T>(n: number, timeMs: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> => ({
  seed: SEED,
  numRuns: runs(n),
  ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}),
  // Shrinking a CLI counterexample spawns a process per step: stop shrinking
  // before the test's own timeout so the (partly shrunk) counterexample and its
  // seed are still printed; running out of time before all runs is a failure.
  // The plugin is typed for any property; it does not look at the values.
  plugins: [fc.interruptAfterTimeLimit(budget(timeMs) - 10_000, { failOnInterrupt: true }) as fc.Plugin<T>],
  ...extra,
});

const registry = builtinRegistry();
const ROOT_PATHS = makePaths("/");

/** A crash is anything thrown that is not one of Plugboard's own errors. */
function mustBeClean(e: unknown, input: string): void {
  if (e instanceof PlugboardError) return;
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  throw new Error(`crash (not a PlugboardError) on input ${JSON.stringify(input)}:\n${detail}`);
}

// ─── YAML text generation ─────────────────────────────────────────────────────

/** A YAML node before it is written out; styles and anchors are chosen by the generators. */
type Y =
  | { readonly t: "scalar"; readonly text: string; readonly anchor?: string }
  | { readonly t: "block"; readonly text: string; readonly folded: boolean; readonly anchor?: string }
  | { readonly t: "alias"; readonly name: string }
  | { readonly t: "seq"; readonly items: readonly Y[]; readonly flow: boolean; readonly anchor?: string }
  | { readonly t: "map"; readonly entries: readonly (readonly [string, Y])[]; readonly flow: boolean; readonly anchor?: string };

const pad = (n: number) => " ".repeat(n);
const withAnchor = (y: Y, anchor: string): Y => (y.t === "alias" ? y : { ...y, anchor });

/** Writes a node; `head` goes after `key:` or `-`, `body` lines follow at `indent`. */
function emit(y: Y, indent: number): { head: string; body: string[] } {
  const a = "anchor" in y && y.anchor ? `&${y.anchor} ` : "";
  switch (y.t) {
    case "scalar":
      return { head: a + y.text, body: [] };
    case "alias":
      return { head: `*${y.name}`, body: [] };
    case "block":
      return { head: `${a}${y.folded ? ">" : "|"}`, body: y.text.split("\n").map((l) => pad(indent) + l) };
    case "seq":
      if (y.flow || y.items.length === 0) return { head: flow(y), body: [] };
      return {
        head: a.trimEnd(),
        body: y.items.flatMap((item) => {
          const c = emit(item, indent + 2);
          return [`${pad(indent)}-${c.head ? " " + c.head : ""}`, ...c.body];
        }),
      };
    case "map":
      if (y.flow || y.entries.length === 0) return { head: flow(y), body: [] };
      return {
        head: a.trimEnd(),
        body: y.entries.flatMap(([k, v]) => {
          const c = emit(v, indent + 2);
          return [`${pad(indent)}${k}:${c.head ? " " + c.head : ""}`, ...c.body];
        }),
      };
  }
}

function flow(y: Y): string {
  const a = "anchor" in y && y.anchor ? `&${y.anchor} ` : "";
  switch (y.t) {
    case "scalar":
      return a + y.text;
    case "block":
      return a + JSON.stringify(y.text);
    case "alias":
      return `*${y.name}`;
    case "seq":
      return `${a}[${y.items.map(flow).join(", ")}]`;
    case "map":
      return `${a}{${y.entries.map(([k, v]) => `${k}: ${flow(v)}`).join(", ")}}`;
  }
}

function yamlText(doc: Y): string {
  const e = emit(doc, 0);
  return [...(e.head ? [e.head] : []), ...e.body].join("\n") + "\n";
}

/** Strings that have broken parsers, profiles or rules somewhere: injection, traversal, odd types. */
const HOSTILE = [
  "/dev/x rw,\n/** rwx",
  "/dev/ttyUSB0 rw,\n  capability sys_admin,",
  "$SNAP/../..",
  "$SNAP/a, /** rwx,",
  "$SNAP_DATA/x\"y",
  "$SNAP/{a,b}",
  "$SNAP/@{HOME}",
  "$HOME/../../etc",
  "$HOME/.ssh",
  "$HOME/",
  "/etc/passwd",
  "/",
  "//",
  ".",
  "..",
  "*",
  "**",
  "/dev/shm/x",
  "/dev/ttyS0",
  "/dev/serial-port-abc",
  "org.freedesktop.DBus",
  "org.example.Foo",
  "org.ex-ample.F_oo",
  "a}\nprofile evil flags=(unconfined) {",
  "#include <abstractions/base>",
  "x\" rwx,\n\"/y",
  "'",
  '"',
  "\\",
  "\n",
  "\t",
  " lead",
  "trail ",
  "\u202eevil",
  "\u00e9t\u00e9",
  "😀",
  "\u2028",
  "\ufeff",
  "yes",
  "no",
  "on",
  "~",
  "null",
  "true",
  "0755",
  "0x10000",
  "0b101",
  "1_000",
  "1:20",
  "1e400",
  "-0",
  ".inf",
  ".nan",
  "2001-12-14",
  "99999999999999999999999",
  "a".repeat(300),
  "KERNEL==\"x\", RUN+=\"/bin/sh\"",
  "thermo0",
  "video0",
  "hwmon",
];

const scalarStyle = fc.constantFrom("plain", "double", "single", "double", "double");

/** A string written in one of YAML's scalar styles (plain may well break the document, which is fine). */
function scalarOf(s: string, style: string): Y {
  if (style === "plain") return { t: "scalar", text: s };
  if (style === "single") return { t: "scalar", text: `'${s.replace(/'/g, "''")}'` };
  return { t: "scalar", text: JSON.stringify(s) };
}

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(..."/$.*{}[],\"'\\\n #@^?!=<>|:-_aZ09 \t&%`~"), maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 16 }) },
);

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom("1e308", "-1e308", "9007199254740993", "65535", "65536", "0xffff", "0x10000", "-1", "31", "32", "0o17", "017", "1.", ".5", "+12", "1e-400"),
);

const hostileScalar: fc.Arbitrary<Y> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(hostileString, scalarStyle).map(([s, st]) => scalarOf(s, st)) },
  { weight: 2, arbitrary: numberText.map((text): Y => ({ t: "scalar", text })) },
  { weight: 1, arbitrary: fc.constantFrom<Y>({ t: "scalar", text: "true" }, { t: "scalar", text: "false" }, { t: "scalar", text: "~" }, { t: "scalar", text: "" }, { t: "scalar", text: "!!binary aGVsbG8=" }, { t: "scalar", text: "!!str 12" }, { t: "scalar", text: "!!int x" }) },
  { weight: 1, arbitrary: fc.tuple(hostileString, fc.boolean()).map(([text, folded]): Y => ({ t: "block", text, folded })) },
);

/** Hostile values that still make well-formed YAML: quoted strings, numbers, booleans. */
const quotedScalar: fc.Arbitrary<Y> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(hostileString, fc.constantFrom("double", "single")).map(([s, st]) => scalarOf(s, st)) },
  { weight: 2, arbitrary: numberText.map((text): Y => ({ t: "scalar", text })) },
  { weight: 1, arbitrary: fc.constantFrom<Y>({ t: "scalar", text: "true" }, { t: "scalar", text: "false" }) },
);

const usualAttrKey = fc.constantFrom("read", "write", "path", "content", "target", "source", "name", "bus", "number", "modules", "devices", "files", "private", "shared-memory", "default-provider", "interface", "label", "allow-sandbox", "usb-vendor", "usb-product", "udev-tagging", "kernel");
const attrKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: usualAttrKey },
  { weight: 1, arbitrary: fc.constantFrom("$x", "yes", "1", "~", "<<", "a b", "\"q\"", "'k'", "[k]", "? k") },
);

/** Attribute values of every YAML shape: scalars of all types, lists, maps, nested. */
const attrValueOf = (scalar: fc.Arbitrary<Y>, key: fc.Arbitrary<string>): fc.Arbitrary<Y> =>
  fc.letrec<{ node: Y; seq: Y; map: Y }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthSize: "small" }, scalar, tie("seq"), tie("map")),
    seq: fc.tuple(fc.array(tie("node"), { maxLength: 4 }), fc.boolean()).map(([items, f]): Y => ({ t: "seq", items, flow: f })),
    map: fc.tuple(fc.uniqueArray(fc.tuple(key, tie("node")), { maxLength: 4, selector: ([k]) => k }), fc.boolean()).map(([entries, f]): Y => ({ t: "map", entries, flow: f })),
  })).node;
const attrValue = attrValueOf(hostileScalar, attrKey);
/** For tame documents: hostile content, well-formed YAML. */
const quotedAttrValue = attrValueOf(quotedScalar, usualAttrKey);

/** A JS attribute value (from an interface's examples) as a YAML node, strings in the given style. */
function fromJs(v: unknown, style: string): Y {
  if (Array.isArray(v)) return { t: "seq", items: v.map((x) => fromJs(x, style)), flow: false };
  if (v !== null && typeof v === "object") return { t: "map", entries: Object.entries(v).map(([k, x]) => [k, fromJs(x, style)] as const), flow: false };
  if (typeof v === "string") return scalarOf(v, style === "plain" && /^[A-Za-z0-9/$._-]+$/.test(v) ? "plain" : "double");
  return { t: "scalar", text: String(v) };
}

/** Replaces the `index`-th leaf (counted modulo the number of leaves) with `by`. */
function replaceLeaf(y: Y, index: number, by: Y): Y {
  let count = 0;
  const leaves = (n: Y): number => (n.t === "seq" ? n.items.reduce((s, i) => s + leaves(i), 0) : n.t === "map" ? n.entries.reduce((s, [, v]) => s + leaves(v), 0) : 1);
  const total = leaves(y);
  if (total === 0) return y;
  const target = index % total;
  const walk = (n: Y): Y => {
    if (n.t === "seq") return { ...n, items: n.items.map(walk) };
    if (n.t === "map") return { ...n, entries: n.entries.map(([k, v]) => [k, walk(v)] as const) };
    return count++ === target ? by : n;
  };
  return walk(y);
}

// An interface some parsers cannot express (posix-mq) is refused with its own
// error on such a host, and tested by its own module test.
const USABLE = builtinInterfaces.filter((m) => !m.hostRequirement?.(BASELINE_HOST));
const MODULES = USABLE.map((m) => m.name);
const WITH_EXAMPLES = USABLE.filter((m) => m.examples?.plug || m.examples?.slot);
/** Interfaces whose slots an app snap may have without a declaration (most slots are the system's or a gadget's). */
const APP_SLOTS = WITH_EXAMPLES.filter((m) => {
  const rule: unknown = m.baseDeclaration.slots?.["allow-installation"];
  if (rule === undefined || rule === true) return true;
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) return false;
  const types: unknown = (rule as Record<string, unknown>)["slot-snap-type"];
  return types === undefined || (Array.isArray(types) && types.includes("app"));
});

const validName = fc.stringMatching(/^[a-z](?:-?[a-z0-9]){0,8}$/);
/**
 * Usually `usual`, now and then `odd` when the document is a wild one. Tame
 * documents keep every structural field valid, so that their hostility (in
 * attributes) gets past the parser and reaches the renderer.
 */
const wildOr = <T>(wild: boolean, usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  wild ? fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: odd }) : usual;
const plugName = (wild: boolean) => wildOr(wild, fc.oneof({ weight: 4, arbitrary: validName }, { weight: 6, arbitrary: fc.constantFrom(...MODULES) }), hostileString);
const ifaceName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...MODULES) }, { weight: 1, arbitrary: fc.constantFrom("no-such-iface", "Camera", "x_y", "core", "") });

/**
 * A plug or slot definition: bare, an interface name, or a map with attributes.
 * Attributes are usually an interface's own example with one leaf made hostile,
 * so most definitions get past the attribute checks and reach the renderer.
 */
function definition(side: "plug" | "slot", wild: boolean): fc.Arbitrary<Y | null> {
  // A tame document's slots are of interfaces an app snap may provide, or
  // nearly every --dangerous install through the CLI would be refused for them.
  const modules = side === "slot" && !wild ? APP_SLOTS : WITH_EXAMPLES;
  const fromExample = fc
    .tuple(fc.constantFrom(...modules), fc.constantFrom("plain", "double"), fc.nat(), fc.option(wild ? attrValue : quotedAttrValue, { freq: 2 }), fc.boolean())
    .map(([m, style, leaf, hostile, flowStyle]): Y => {
      const example = (side === "plug" ? m.examples?.plug : m.examples?.slot) ?? {};
      const attrs = fromJs(example, style);
      const mutated = hostile ? replaceLeaf(attrs, leaf, hostile) : attrs;
      const entries = mutated.t === "map" ? mutated.entries : [];
      return { t: "map", entries: [["interface", { t: "scalar", text: m.name }], ...entries], flow: flowStyle };
    });
  const random = fc
    .tuple(ifaceName, fc.uniqueArray(fc.tuple(attrKey, attrValue), { maxLength: 3, selector: ([k]) => k }))
    .map(([iface, attrs]): Y => ({ t: "map", entries: [["interface", { t: "scalar", text: JSON.stringify(iface) }], ...attrs.filter(([k]) => k !== "interface")], flow: false }));
  if (side === "slot" && !wild) return fc.oneof({ weight: 5, arbitrary: fromExample }, { weight: 1, arbitrary: fc.constantFrom(...modules).map((m): Y => ({ t: "scalar", text: m.name })) });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: ifaceName.map((i): Y => ({ t: "scalar", text: i })) },
    { weight: 5, arbitrary: fromExample },
    { weight: 2, arbitrary: random },
  );
}

interface PlugSpec {
  readonly name: string;
  readonly def: Y | null;
  /** Write this definition as an alias of (or a merge of) the first one. */
  readonly reuse: "none" | "alias" | "merge" | "dangling";
}

const plugSpecs = (side: "plug" | "slot", wild: boolean) =>
  fc.uniqueArray(
    fc.record({
      // A tame slot is never named after an interface: a bare one would be of that interface.
      name: side === "slot" && !wild ? validName : plugName(wild),
      def: definition(side, wild),
      reuse: wildOr(wild, fc.oneof({ weight: 6, arbitrary: fc.constant<PlugSpec["reuse"]>("none") }, { weight: 1, arbitrary: fc.constantFrom<PlugSpec["reuse"]>("alias", "merge") }), fc.constant<PlugSpec["reuse"]>("dangling")),
    }),
    { maxLength: 4, selector: (p) => p.name },
  );

/** The plugs: or slots: section; later entries may alias or merge the first definition. */
function section(specs: readonly PlugSpec[], anchor: string): Y {
  const entries = specs.map((s, i): readonly [string, Y] => {
    const key = /^[a-z0-9-]+$/.test(s.name) ? s.name : JSON.stringify(s.name);
    const def: Y = s.def ?? { t: "scalar", text: "" };
    if (i === 0) return [key, s.reuse === "none" || def.t === "alias" ? def : withAnchor(def, anchor)];
    if (s.reuse === "alias") return [key, { t: "alias", name: anchor }];
    if (s.reuse === "dangling") return [key, { t: "alias", name: `${anchor}-missing` }];
    // Merging a scalar is refused; that is tested often enough by the mutations.
    if (s.reuse === "merge" && def.t === "map" && specs[0]!.def?.t === "map") return [key, { ...def, flow: false, entries: [["<<", { t: "alias", name: anchor }], ...def.entries.filter(([k]) => k !== "interface")] }];
    return [key, def];
  });
  // An alias needs its anchor; the first entry carries it whenever any later one refers to it.
  if (entries.length > 0 && specs.slice(1).some((s) => s.reuse !== "none") && specs[0]!.reuse === "none") {
    const [k, v] = entries[0]!;
    entries[0] = [k, withAnchor(v, anchor)];
  }
  return { t: "map", entries, flow: false };
}

const appName = (wild: boolean) => wildOr(wild, fc.constantFrom("app", "daemon", "a1", "tool"), hostileString.map((s) => JSON.stringify(s)));
const hookName = (wild: boolean) => wildOr(wild, fc.constantFrom("configure", "install", "remove", "pre-refresh", "post-refresh", "connect-plug-camera"), fc.constantFrom("prepare-slot-x", "default-configure", "bogus-hook", "Configure"));

const nameList = (names: readonly string[], wild: boolean): fc.Arbitrary<Y> =>
  fc
    .array(wildOr(wild, fc.oneof({ weight: 4, arbitrary: names.length ? fc.constantFrom(...names) : fc.constantFrom(...MODULES) }, { weight: 1, arbitrary: fc.constantFrom(...MODULES) }), hostileString), { maxLength: 3 })
    .chain((items) => fc.boolean().map((f): Y => ({ t: "seq", items: items.map((s) => scalarOf(s, /^[a-z0-9-]+$/.test(s) ? "plain" : "double")), flow: f })));

const snapName = (wild: boolean) =>
  wildOr(wild, fc.oneof({ weight: 10, arbitrary: validName }, { weight: 1, arbitrary: fc.constantFrom("docker", "foo-blue") }), fc.oneof(fc.constantFrom("core", "snapd", "system", "a", "x--y", "-x", "9lives", "Upper", "a".repeat(41)), hostileString));

/** A whole snap.yaml: plausible in structure, hostile in detail (and, when wild, anywhere). */
const snapDocumentOf = (wild: boolean): fc.Arbitrary<Y> => fc
  .record({
    name: snapName(wild),
    version: wildOr(wild, fc.constantFrom("'1'", "1.0", '"2.1"', "1.10"), hostileScalar.map(flow)),
    confinement: fc.option(wildOr(wild, fc.constantFrom("strict", "devmode", "classic"), fc.constantFrom("jail", "[strict]")), { freq: 3 }),
    type: fc.option(wildOr(wild, fc.constantFrom("app", "gadget", "app", "gadget", "base", "os", "snapd", "kernel"), fc.constantFrom("bogus", "core", "{}")), { freq: 4 }),
    plugs: plugSpecs("plug", wild),
    slots: plugSpecs("slot", wild),
    plugsAsList: fc.boolean(),
    appNames: fc.uniqueArray(appName(wild), { maxLength: 3 }),
    hookNames: fc.uniqueArray(hookName(wild), { maxLength: 2 }),
    command: wildOr(wild, fc.constant("bin/app"), hostileString),
    daemon: fc.option(wildOr(wild, fc.constantFrom("simple", "forking"), fc.constant("bogus")), { freq: 4 }),
    environment: fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom("PATH", "LD_PRELOAD", "A", "yes"), wild ? hostileScalar : quotedScalar), { maxLength: 2, selector: ([k]) => k }), { freq: 6 }),
    extra: wild ? fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom("summary", "base", "grade", "assumes", "layout", "x-extra"), attrValue) }) : fc.constant(null),
    bindPlugs: fc.array(fc.nat(), { maxLength: 3 }),
  })
  .chain((d) => {
    const plugNames = d.plugs.map((p) => p.name);
    const slotNames = d.slots.map((s) => s.name);
    return fc.tuple(fc.array(nameList(plugNames, wild), { minLength: d.appNames.length, maxLength: d.appNames.length }), fc.array(nameList(slotNames, wild), { minLength: d.appNames.length, maxLength: d.appNames.length }), nameList(plugNames, wild)).map(([appPlugs, appSlots, hookPlugs]): Y => {
      const top: [string, Y][] = [
        ["name", scalarOf(d.name, /^[a-z0-9-]+$/.test(d.name) ? "plain" : "double")],
        ["version", { t: "scalar", text: d.version }],
      ];
      if (d.confinement) top.push(["confinement", { t: "scalar", text: d.confinement }]);
      if (d.type) top.push(["type", { t: "scalar", text: d.type }]);
      if (d.environment) top.push(["environment", { t: "map", entries: d.environment, flow: false }]);
      if (d.plugs.length) {
        // The list form names interfaces only; otherwise a map of definitions.
        top.push(["plugs", d.plugsAsList ? { t: "seq", items: d.plugs.map((p) => scalarOf(p.name, "plain")), flow: false } : section(d.plugs, "p0")]);
      }
      if (d.slots.length) top.push(["slots", section(d.slots, "s0")]);
      if (d.appNames.length) {
        top.push([
          "apps",
          {
            t: "map",
            flow: false,
            entries: d.appNames.map((n, i): readonly [string, Y] => {
              const entries: [string, Y][] = [["command", scalarOf(d.command, /^[A-Za-z0-9/._-]+$/.test(d.command) ? "plain" : "double")]];
              if (d.daemon && i === 0) entries.push(["daemon", { t: "scalar", text: d.daemon }]);
              if (d.bindPlugs.includes(i)) {
                entries.push(["plugs", appPlugs[i]!]);
                entries.push(["slots", appSlots[i]!]);
              }
              return [n, { t: "map", entries, flow: false }];
            }),
          },
        ]);
      }
      if (d.hookNames.length) {
        top.push(["hooks", { t: "map", flow: false, entries: d.hookNames.map((h, i): readonly [string, Y] => [h, i === 0 ? { t: "map", entries: [["plugs", hookPlugs]], flow: false } : { t: "scalar", text: "" }]) }]);
      }
      if (d.extra) top.push([d.extra[0], d.extra[1]]);
      return { t: "map", entries: top, flow: false };
    });
  });

const snapDocument: fc.Arbitrary<Y> = fc.oneof({ weight: 3, arbitrary: snapDocumentOf(false) }, { weight: 2, arbitrary: snapDocumentOf(true) });

/** Exponential aliases: each level lists the previous one `width` times. */
const aliasBomb: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 9 })).map(([depth, width]) => {
  const lines = ["name: bomb", "version: '1'", "plugs:", "  p:", "    interface: content", "    target: $SNAP/x", `    l0: &l0 ["x"]`];
  for (let i = 1; i <= depth; i++) lines.push(`    l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(", ")}]`);
  return lines.join("\n") + "\n";
});

const SEED_DOCS: string[] = [];

/** Edits on text: the kind of damage a hand-edited or truncated file has. */
type Mutation = { kind: "flip" | "delete" | "duplicate" | "truncate" | "insert"; at: number; len: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("flip", "delete", "duplicate", "truncate", "insert"),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(fc.constantFrom(":", "-", "- ", "{", "}", "[", "]", "&a", "*a", "!", "|", ">", "'", '"', "%", "@", "`", "#", ",", "\n", "\t", "  ", "<<: *a\n", "? ", "\0", "\r\n", "\ufeff"), hostileString),
});

function mutate(text: string, edits: readonly Mutation[]): string {
  let s = text;
  for (const m of edits) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    switch (m.kind) {
      case "flip":
        s = s.slice(0, at) + m.text.slice(0, 1) + s.slice(at + 1);
        break;
      case "delete":
        s = s.slice(0, at) + s.slice(at + m.len);
        break;
      case "duplicate":
        s = s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len);
        break;
      case "truncate":
        s = s.slice(0, at);
        break;
      case "insert":
        s = s.slice(0, at) + m.text + s.slice(at);
        break;
    }
  }
  return s;
}

/** snap.yaml texts: mostly well-formed and hostile, some damaged, some not YAML at all. */
const snapYamlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: snapDocument.map(yamlText) },
  { weight: 4, arbitrary: fc.tuple(snapDocument.map(yamlText), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([t, m]) => mutate(t, m)) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([i, m]) => mutate(SEED_DOCS[i % Math.max(1, SEED_DOCS.length)] ?? "", m)) },
  { weight: 1, arbitrary: aliasBomb },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
);

// ─── the profile oracle ──────────────────────────────────────────────────────

/** Compiles profile files with the real parser; returns the parser's complaint, or null when all compile. */
async function apparmorRefuses(files: readonly string[]): Promise<string | null> {
  if (files.length === 0) return null;
  // One parser run per batch: starting the parser costs more than compiling one profile.
  for (let i = 0; i < files.length; i += 200) {
    const r = await execa("apparmor_parser", ["-Q", "-K", "-j2", ...files.slice(i, i + 200)], { reject: false });
    if (r.exitCode !== 0) return r.stderr || `exit ${r.exitCode}`;
  }
  return null;
}

/** Every profile file under a root's profile directory. */
async function profilesUnder(root: string): Promise<string[]> {
  const dir = path.join(root, "var/lib/plugboard/apparmor/profiles");
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => !n.startsWith(".")).map((n) => path.join(dir, n));
}

/**
 * Compiles profiles rendered in process (file → the snap.yaml it came from;
 * file names start with the run number) in one parser run, and on a refusal
 * names the document. The parser does not always name the file (conflicting
 * x modifiers name only the profile), so the runs are then compiled one by one.
 */
async function compileRendered(written: ReadonlyMap<string, string>): Promise<void> {
  const complaint = await apparmorRefuses([...written.keys()]);
  if (!complaint) return;
  const byRun = new Map<string, string[]>();
  for (const f of written.keys()) {
    const run = path.basename(f).split("-")[0]!;
    byRun.set(run, [...(byRun.get(run) ?? []), f]);
  }
  for (const files of byRun.values()) {
    const why = await apparmorRefuses(files);
    if (!why) continue;
    const profiles = await Promise.all(files.map(async (f) => `${path.basename(f)}:\n${await readFile(f, "utf8")}`));
    throw new Error(`apparmor_parser refused a profile of an accepted snap:\n${why}\nsnap.yaml:\n${written.get(files[0]!)}\nprofiles:\n${profiles.join("\n")}`);
  }
  throw new Error(`apparmor_parser refused the batch but no single document: ${complaint}`);
}

/** Connects each plug to up to `max` slots of its interface (the system snap's and the snaps' own), whatever the policy. */
function connectEverything(repo: Repository, max: number): number {
  let n = 0;
  for (const plug of repo.allPlugs()) {
    for (const slot of repo.allSlots().filter((s) => s.interface === plug.interface).slice(0, max)) {
      repo.setConnection({ plug: { snap: plug.snap, name: plug.name }, slot: { snap: slot.snap, name: slot.name }, interface: plug.interface, auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: slot.attrs });
      n++;
    }
  }
  return n;
}

// ─── in process ──────────────────────────────────────────────────────────────

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "plugboard-fuzz-"));
  for (const name of await readdir(EXAMPLES)) SEED_DOCS.push(await readFile(path.join(EXAMPLES, name, "meta/snap.yaml"), "utf8"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("snap.yaml in process", () => {
  it("the compile oracle can fail: apparmor_parser refuses an injected rule", async () => {
    const f = path.join(scratch, "broken-profile");
    await writeFile(f, 'profile snap.x.y {\n  "/dev/x rw,\n  /** rwx,\n}\n');
    expect(await apparmorRefuses([f])).toMatch(/AppArmor parser error/);
  });

  it("the YAML reader refuses any text only with a ValidationError", () => {
    const yamlish = fc.string({ unit: fc.constantFrom(..."ab:- \n{}[]&*!|>'\"%@`#,?<=~\t0.\\x"), maxLength: 120 });
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: "binary", maxLength: 80 }), aliasBomb), (text) => {
        try {
          parseYaml11(text, "fuzz.yaml");
        } catch (e) {
          mustBeClean(e, text);
        }
      }),
      params(1500, 30_000),
    );
  });

  it("never crashes, and every accepted snap, with every plug connected, renders profiles apparmor_parser accepts", async () => {
    const outDir = path.join(scratch, "in-process");
    await mkdir(outDir, { recursive: true });
    const written = new Map<string, string>(); // profile file → the snap.yaml it came from
    let accepted = 0;
    let rendered = 0;
    let connected = 0;
    let n = 0;
    fc.assert(
      fc.property(snapYamlText, (text) => {
        let info;
        try {
          info = parseSnapYaml(text, { file: "fuzz/meta/snap.yaml" });
        } catch (e) {
          mustBeClean(e, text);
          return;
        }
        const repo = new Repository(registry, DEFAULT_DEVICE);
        try {
          repo.addSnap(info, "x1");
        } catch (e) {
          mustBeClean(e, text);
          return;
        }
        accepted++;
        // Connecting everything reaches every snippet a declaration could allow,
        // with the snap's own hostile attributes on both ends.
        connected += connectEverything(repo, 3);
        let plan;
        try {
          plan = planSnap(ROOT_PATHS, repo, registry, repo.snap(info.name)!);
        } catch (e) {
          // A renderer's validator refusing a value is a clean refusal of the install.
          mustBeClean(e, text);
          return;
        }
        const run = n++;
        for (const [file, content] of plan) {
          if (path.dirname(file) !== ROOT_PATHS.apparmorProfilesDir) continue;
          const out = path.join(outDir, `${run}-${path.basename(file).slice(0, 100)}`);
          written.set(out, text);
          rendered++;
          // Written synchronously: the property is synchronous and files are small.
          writeFileSync(out, content);
        }
      }),
      params(600, 60_000),
    );
    await compileRendered(written);
    console.log(`snap.yaml in process: ${runs(600)} documents, ${accepted} accepted, ${connected} connections, ${rendered} profiles compiled`);
    // The generators must keep reaching the renderer, or this test proves nothing.
    expect(accepted).toBeGreaterThan(runs(600) / 5);
    expect(rendered).toBeGreaterThan(runs(600) / 5);
    expect(connected).toBeGreaterThan(runs(600) / 5);
  }, budget(60_000));

  it("any set of interfaces plugged by one app and all connected compiles in one profile (rules of different interfaces must not conflict)", async () => {
    // Conflicts between interfaces (e.g. two exec modes for one path) only show
    // when both land in one profile; few random documents combine the right two.
    // Compiled run by run, so that a failure shrinks to the smallest set.
    const outDir = path.join(scratch, "combinations");
    await mkdir(outDir, { recursive: true });
    let run = 0;
    const withAttrs = (a: object | undefined) => (a ? Object.entries(a).map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`).join("") : "");
    await fc.assert(
      // Names, not modules, so that a counterexample prints readably.
      fc.asyncProperty(fc.subarray(MODULES, { minLength: 2, maxLength: 24 }), async (picked) => {
        // classic-support runs systemd-run unconfined (Uxr) and kubernetes-support
        // in a child profile (Cxr): snapd's rules conflict the same way, so one
        // profile cannot hold both; the later of the two is left out.
        const names = picked.includes("classic-support") ? picked.filter((n) => n !== "kubernetes-support") : picked;
        const modules = USABLE.filter((m) => names.includes(m.name));
        const plugs = modules.map((m) => `  p-${m.name}:\n    interface: ${m.name}${withAttrs(m.examples?.plug)}`).join("\n");
        const slots = modules.map((m) => `  s-${m.name}:\n    interface: ${m.name}${withAttrs(m.examples?.slot)}`).join("\n");
        const text = `name: combo\nversion: '1'\napps:\n  app:\n    command: bin/app\nplugs:\n${plugs}\nslots:\n${slots}\n`;
        const repo = new Repository(registry, DEFAULT_DEVICE);
        repo.addSnap(parseSnapYaml(text, { file: "combo/meta/snap.yaml" }), "x1");
        expect(connectEverything(repo, 1)).toBeGreaterThanOrEqual(modules.length);
        const dir = path.join(outDir, String(run++));
        await mkdir(dir);
        const files: string[] = [];
        for (const [file, content] of planSnap(ROOT_PATHS, repo, registry, repo.snap("combo")!)) {
          if (path.dirname(file) !== ROOT_PATHS.apparmorProfilesDir) continue;
          files.push(path.join(dir, path.basename(file)));
          await writeFile(files.at(-1)!, content);
        }
        expect(files).toHaveLength(1);
        expect(await apparmorRefuses(files), `interfaces ${names.join(", ")}`).toBeNull();
        await rm(dir, { recursive: true, force: true });
      }),
      // Up to 24 interfaces a run: a profile holding half of all 220 takes the
      // parser minutes. Pairs meet less often than with half of them.
      params(20, 240_000),
    );
  }, budget(300_000));
});

// ─── assertions in process ───────────────────────────────────────────────────

/** Header maps as the format allows and as it does not: odd keys, whitespace, newlines, nesting. */
const headerValue: fc.Arbitrary<HeaderValue> = fc.letrec<{ v: HeaderValue }>((tie) => ({
  v: fc.oneof(
    { maxDepth: 3, depthSize: "small" },
    fc.oneof(hostileString, fc.string({ maxLength: 12 }), fc.constantFrom("x", "a\nb", "a\n\nb", "a\n  b", "", " ", "- x", "k: v")),
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z](?:-?[a-z0-9]){0,6}$/), fc.constantFrom("A", "x_y", "", "-a", "constructor", "__proto__")), tie("v"), { maxKeys: 3 }),
  ),
})).v;

const headersArb: fc.Arbitrary<Headers> = fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z](?:-?[a-z0-9]){0,8}$/), fc.constantFrom("type", "body-length", "constructor", "Bad")), headerValue, { minKeys: 1, maxKeys: 5 });

describe("assertion format in process", () => {
  it("encode then decode gives the headers back, and anything not encodable is a ValidationError", () => {
    fc.assert(
      fc.property(headersArb, (headers) => {
        let text: string;
        try {
          text = encodeHeaders(headers);
        } catch (e) {
          mustBeClean(e, JSON.stringify(headers));
          return;
        }
        expect(decodeHeaders(text, "fuzz")).toEqual(headers);
      }),
      params(1500, 30_000),
    );
  });

  it("decoding any stream refuses only with ValidationError, and what decodes is in its one canonical spelling", () => {
    const signed = fc.tuple(headersArb, fc.oneof(fc.constant(""), hostileString), fc.base64String({ minLength: 4, maxLength: 24 })).map(([h, body, sig]) => {
      // A hand-built stream: the encoder's output plus arbitrary damage below.
      const head = (() => {
        try {
          return encodeHeaders({ type: "snap-declaration", ...h, ...(body ? { "body-length": String(Buffer.byteLength(body)) } : {}) });
        } catch {
          return "type: x";
        }
      })();
      return `${head}\n\n${body ? `${body}\n\n` : ""}${sig || "AAAA"}\n`;
    });
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: fc.tuple(signed, fc.array(mutation, { maxLength: 3 })).map(([t, m]) => mutate(t, m)) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) }), (text) => {
        let decoded;
        try {
          decoded = decodeAssertions(text, "fuzz.assert");
        } catch (e) {
          mustBeClean(e, text);
          return;
        }
        for (const a of decoded) {
          // The header block is the content up to its first blank line, and re-encoding must reproduce it exactly.
          const blank = a.content.indexOf("\n\n");
          expect(encodeHeaders(a.headers)).toBe(blank < 0 ? a.content : a.content.slice(0, blank));
          try {
            validateAssertion(a);
          } catch (e) {
            mustBeClean(e, text);
          }
          // Verification answers yes or no, whatever the key text: it never throws.
          expect(verifySignature(a, "AAAA")).toBe(false);
        }
      }),
      params(1500, 30_000),
    );
  });

  it("compiling any declaration's plugs and slots refuses only with PlugboardError", () => {
    const ruleName = fc.constantFrom("allow-installation", "deny-installation", "allow-connection", "deny-connection", "allow-auto-connection", "deny-auto-connection", "bogus-rule");
    const constraintKey = fc.constantFrom("plug-attributes", "slot-attributes", "plug-snap-type", "slot-snap-type", "plug-snap-id", "slot-publisher-id", "plug-names", "slot-names", "on-classic", "on-store", "slots-per-plug", "plugs-per-slot", "nope");
    const leaf = fc.oneof(fc.constantFrom("true", "false", "*", "0", "1", "-1", "$MISSING", "$SLOT(content)", "$PLUG(", "$PLUG_PUBLISHER_ID", "$INTERFACE", "(", "[", "a{99999999}", "(a+)+$", "app", "core", ".*"), hostileString);
    const constraints = fc.dictionary(constraintKey, fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom("content", "read", "path", "x"), fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), { maxKeys: 2 })), { maxKeys: 3 });
    const rule = fc.dictionary(ruleName, fc.oneof(leaf, constraints, fc.array(constraints, { maxLength: 2 })), { maxKeys: 3 });
    const side = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...MODULES), fc.constantFrom("Bad", "")), fc.oneof(rule, leaf), { maxKeys: 3 }), leaf, fc.constant(undefined));
    fc.assert(
      fc.property(side, side, (plugs, slots) => {
        try {
          compileDeclaration(plugs, slots, "fuzz declaration");
        } catch (e) {
          mustBeClean(e, JSON.stringify({ plugs, slots }));
        }
      }),
      params(1500, 30_000),
    );
  });
});

// ─── through the built CLI ───────────────────────────────────────────────────

/**
 * The whole tree under root, every byte and every directory: stricter than
 * snapshotTree (text of files only), since a refusal must not leave so much
 * as an empty directory or a changed byte of a compiled filter behind.
 */
async function treeBytes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (e.isDirectory()) {
        out[`${rel}/`] = "(directory)";
        await walk(p);
      } else {
        const bytes = await readFile(p);
        const text = bytes.toString("utf8");
        // Text where it is text, so a failure shows a readable difference; base64 otherwise.
        out[rel] = Buffer.from(text, "utf8").equals(bytes) ? text : `base64:${bytes.toString("base64")}`;
      }
    }
  };
  await walk(root);
  return out;
}

/** Exit 0, or 1/64 with exactly one `error: …` line that is not an internal error. */
function expectCleanOutcome(r: CliResult, what: string): void {
  const ctx = `${what}\nexit ${r.exitCode}\nstderr:\n${r.stderr}`;
  expect([0, 1, 64], ctx).toContain(r.exitCode);
  expect(r.stderr, ctx).not.toMatch(/internal error|^\s+at .*:\d+:\d+\)?$/m);
  if (r.exitCode !== 0) {
    expect(r.stderr.split("\n").filter((l) => l !== ""), ctx).toHaveLength(1);
    expect(r.stderr, ctx).toMatch(/^error: \S/);
  }
}

describe.concurrent("through the CLI", () => {
  let installTemplate: string;
  let keys: string;
  let ackTemplate: string;
  let declarationText: string;
  let storeKey: PrivateKey;
  const cleanups: (() => Promise<void>)[] = [];

  const freshRoot = async (template: string): Promise<string> => {
    const t = await tempRoot();
    cleanups.push(t.cleanup);
    await cp(template, t.root, { recursive: true });
    return t.root;
  };
  const must = async (env: Record<string, string>, root: string, args: string[], input?: string): Promise<string> => {
    const r = await cliWith({ env, ...(input !== undefined ? { input } : {}) }, root, ...args);
    if (r.exitCode !== 0) throw new Error(`plugboard ${args.join(" ")} exited ${r.exitCode}: ${r.stderr}`);
    return r.stdout;
  };

  beforeAll(async () => {
    // An install template with providers already in place, so generated snaps
    // also refresh installed names and auto-connect to real slots.
    const t = await tempRoot();
    cleanups.push(t.cleanup);
    installTemplate = t.root;
    for (const s of ["docker", "foo-blue"]) await must({}, installTemplate, ["install", "--dangerous", path.join(EXAMPLES, s)]);

    // Keys: a trusted root, a store key it signs, a declaration the store signs.
    keys = path.join(scratch, "keys");
    const env = { PLUGBOARD_KEYS: keys };
    await Promise.all(["root", "store"].map((k) => must(env, "/nonexistent-root", ["create-key", k, "--bits", "2048"])));
    const rootKey = await must(env, "/nonexistent-root", ["sign", "-k", "root"], await must(env, "/nonexistent-root", ["export-key", "root", "--account", "acme"]));
    const storeAccountKey = await must(env, "/nonexistent-root", ["sign", "-k", "root"], await must(env, "/nonexistent-root", ["export-key", "store", "--account", "acme"]));
    await writeFile(path.join(scratch, "root.account-key"), rootKey);
    await writeFile(path.join(scratch, "store.account-key"), storeAccountKey);
    const a = await tempRoot();
    cleanups.push(a.cleanup);
    ackTemplate = a.root;
    await must(env, ackTemplate, ["trust", path.join(scratch, "root.account-key")]);
    await must(env, ackTemplate, ["ack", path.join(scratch, "store.account-key")]);
    storeKey = await new KeyStore(keys).get("store");
    declarationText = signAssertion(
      {
        type: "snap-declaration",
        "authority-id": "acme",
        series: "16",
        "snap-id": "fuzzy-id",
        "snap-name": "fuzzy",
        "publisher-id": "acme",
        // Not before the store key's "since" (export time): the key must be valid when the declaration was made.
        timestamp: new Date().toISOString(),
        plugs: { camera: { "allow-auto-connection": "true" } },
      },
      "",
      storeKey,
    );
    // The undamaged declaration must be accepted, or the ack property could only ever see refusals.
    const probe = await freshRoot(ackTemplate);
    await writeFile(path.join(scratch, "undamaged.assert"), declarationText);
    await must(env, probe, ["ack", path.join(scratch, "undamaged.assert")]);
  }, 120_000);
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("install: refused snaps leave the root byte-identical, accepted ones compile, dry runs change nothing", async () => {
    let accepted = 0;
    let refused = 0;
    let i = 0;
    const flips = fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 2 }) });
    // Tame documents (hostile only in attributes) more often than in process: each run is a process, and accepted installs are the rarer half.
    const documents = fc.oneof({ weight: 2, arbitrary: snapDocumentOf(false).map(yamlText) }, { weight: 1, arbitrary: snapYamlText });
    const bytes = fc.tuple(documents, flips).map(([text, flips]) => {
      // Raw byte damage too, so invalid UTF-8 reaches the reader.
      const buf = Buffer.from(text, "utf8");
      for (const [at, b] of flips) if (buf.length) buf[at % buf.length] = b;
      return buf;
    });
    // Mostly with both confinement flags, which only permit: otherwise every
    // classic or devmode document is refused before its plugs are looked at.
    const permit = ["--devmode", "--classic"];
    const flags = fc.constantFrom<string[]>([], permit, permit, permit, ["--dry-run", ...permit], ["--json", ...permit]);
    await fc.assert(
      fc.asyncProperty(bytes, flags, async (yaml, extra) => {
        const root = await freshRoot(installTemplate);
        const dir = path.join(scratch, "cli-snaps", String(i++));
        await mkdir(path.join(dir, "meta"), { recursive: true });
        await writeFile(path.join(dir, "meta", "snap.yaml"), yaml);
        const before = await treeBytes(root);
        const r = await cliWith({}, root, "install", "--dangerous", ...extra, dir);
        const what = `install ${extra.join(" ")} of snap.yaml ${JSON.stringify(yaml.toString("utf8"))}`;
        expectCleanOutcome(r, what);
        if (r.exitCode !== 0 || extra.includes("--dry-run")) {
          expect(await treeBytes(root), `${what}\nchanged the root although it ${r.exitCode ? "was refused" : "was a dry run"}: ${r.stderr}`).toEqual(before);
          if (r.exitCode !== 0) refused++;
          return;
        }
        accepted++;
        // The CLI compiled these itself; prove them again with our own parser run.
        const complaint = await apparmorRefuses(await profilesUnder(root));
        expect(complaint, `${what}\nwas installed with profiles apparmor_parser refuses`).toBeNull();
        // What was accepted must stay readable by the next command.
        expectCleanOutcome(await cliWith({}, root, "connections", "--all"), `connections after ${what}`);
        await rm(root, { recursive: true, force: true });
      }),
      params(DEFAULT_CLI_RUNS, 150_000),
    );
    console.log(`install through the CLI: ${accepted} accepted, ${refused} refused`);
    // Both outcomes must be reached, or one half of the property was never tested.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, budget(150_000));

  /** Line-level and byte-level damage to a signed assertion. */
  type Damage = (t: string) => string;
  const assertionDamage: fc.Arbitrary<Damage> = fc.oneof(
    fc.array(mutation, { minLength: 1, maxLength: 3 }).map((m) => (t: string) => mutate(t, m)),
    fc.tuple(fc.nat(), fc.constantFrom("drop", "dup", "swap", "indent", "crlf")).map(([n, op]) => (t: string) => {
      const lines = t.split("\n");
      const k = n % lines.length;
      if (op === "drop") lines.splice(k, 1);
      if (op === "dup") lines.splice(k, 0, lines[k]!);
      if (op === "swap" && k + 1 < lines.length) [lines[k], lines[k + 1]] = [lines[k + 1]!, lines[k]!];
      if (op === "indent") lines[k] = `  ${lines[k]}`;
      if (op === "crlf") return lines.join("\r\n");
      return lines.join("\n");
    }),
    fc.tuple(fc.constantFrom("snap-name", "publisher-id", "series", "timestamp", "type", "authority-id", "snap-id"), fc.oneof(hostileString, fc.constantFrom("fuzzy", "acme", "16", "account-key", "2999-01-01T00:00:00Z", "x\n  - y"))).map(([h, v]) => (t: string) => t.replace(new RegExp(`^${h}: .*$`, "m"), `${h}: ${v}`)),
    fc.constantFrom(
      (t: string) => t.replace("type: snap-declaration\n", "type: snap-declaration\nbody-length: 99999999999999999999\n"),
      (t: string) => t.replace("type: snap-declaration\n", "type: snap-declaration\nbody-length: -1\n"),
      (t: string) => t.replace(/\n\n/, "\nbody-length: 4\n\nabcd\n\n"),
      (t: string) => t.replace("series: 16", "series:\n  - 16"),
      (t: string) => t.replace("series: 16", "series:\n  a: 16"),
      (t: string) => `${t}\n\n${t}`,
      (t: string) => `${t}\n\n\n`,
      (t: string) => t.trimEnd(),
      (t: string) => t.replace(/\n([^\n]+)\n?$/, (_m, sig: string) => `\n${sig.slice(0, -4)}AAAA`),
      (t: string) => t.replace(/\n([^\n]+)\n?$/, (_m, sig: string) => `\n${sig}\n${sig}`),
      (t: string) => `\ufeff${t}`,
    ),
  );

  it("ack: damaged signed assertions never crash, refused ones change nothing, and only an equivalent stream is accepted", async () => {
    const original = decodeAssertions(declarationText, "declaration")[0]!;
    let accepted = 0;
    let refused = 0;
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(assertionDamage, { minLength: 1, maxLength: 2 }), async (damage) => {
        const text = damage.reduce((t, f) => f(t), declarationText);
        const root = await freshRoot(ackTemplate);
        const file = path.join(scratch, `ack-${i++}.assert`);
        await writeFile(file, text);
        const before = await treeBytes(root);
        const r = await cliWith({ env: { PLUGBOARD_KEYS: keys } }, root, "ack", file);
        const what = `ack of ${JSON.stringify(text)}`;
        expectCleanOutcome(r, what);
        if (r.exitCode !== 0) {
          refused++;
          expect(await treeBytes(root), `${what}\nwas refused but changed the root`).toEqual(before);
        } else {
          accepted++;
          // Signatures cover the exact bytes: only the same assertion (repeated, or with extra blank lines) may pass.
          const decoded = decodeAssertions(text, "accepted");
          for (const a of decoded) expect({ content: a.content, signature: a.signature }, `${what}\nwas accepted`).toEqual({ content: original.content, signature: original.signature });
        }
        await rm(root, { recursive: true, force: true });
      }),
      // The undamaged stream is always among the runs, so acceptance is exercised.
      params<[Damage[]]>(DEFAULT_CLI_RUNS, 120_000, { examples: [[[]]] }),
    );
    console.log(`ack of damaged assertions: ${accepted} accepted, ${refused} refused`);
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, budget(120_000));

  it("ack of validly signed declarations with hostile rules: no crash, and an accepted one never breaks a later install", async () => {
    // Mostly rules the policy compiler takes (so acceptance and the install
    // after it are exercised), now and then hostile values in any place.
    const odd = fc.oneof(fc.constantFrom("$PLUG(x", "(", "[a-", "nope", "-1", "a".repeat(300)), hostileString);
    const leaf = (usual: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: usual }, { weight: 1, arbitrary: odd });
    const constraint = fc.oneof(
      fc.record({ "plug-snap-type": fc.array(leaf(fc.constantFrom("app", "core", "gadget")), { minLength: 1, maxLength: 2 }) }),
      fc.record({ "slot-snap-type": fc.array(leaf(fc.constantFrom("app", "core", "gadget")), { minLength: 1, maxLength: 2 }) }),
      fc.record({ "on-classic": leaf(fc.constantFrom("true", "false")) }),
      fc.record({ "plug-publisher-id": fc.array(leaf(fc.constantFrom("$SLOT_PUBLISHER_ID", "acme", "someone")), { minLength: 1, maxLength: 2 }) }),
      fc.record({ "slot-attributes": fc.record({ content: leaf(fc.constantFrom("$PLUG(content)", "docker-executables", ".*", "a|b")) }) }),
      fc.record({ "plug-attributes": fc.record({ content: leaf(fc.constantFrom("$SLOT(content)", "$MISSING", "docker-.*")) }) }),
      fc.record({ "slots-per-plug": leaf(fc.constantFrom("*", "1", "2")) }),
      fc.record({ "plug-names": fc.array(leaf(fc.constantFrom("$INTERFACE", "camera", "shared")), { minLength: 1, maxLength: 2 }) }),
      fc.record({ nope: leaf(fc.constant("x")) }),
    );
    const constraints: fc.Arbitrary<HeaderValue> = fc.array(constraint, { minLength: 1, maxLength: 2 }).map((cs) => Object.assign({}, ...cs) as HeaderValue);
    const rule: fc.Arbitrary<HeaderValue> = fc.dictionary(
      fc.oneof({ weight: 10, arbitrary: fc.constantFrom("allow-installation", "deny-installation", "allow-connection", "deny-connection", "allow-auto-connection", "deny-auto-connection") }, { weight: 1, arbitrary: fc.constant("bogus") }),
      fc.oneof(leaf(fc.constantFrom("true", "false")), constraints, fc.array(constraints, { minLength: 1, maxLength: 2 })),
      { minKeys: 1, maxKeys: 2 },
    );
    const side = fc.dictionary(fc.oneof({ weight: 10, arbitrary: fc.constantFrom("camera", "network", "content", "home", "dbus") }, { weight: 1, arbitrary: fc.constant("Bad") }), fc.oneof({ weight: 8, arbitrary: rule }, { weight: 1, arbitrary: odd }), { minKeys: 1, maxKeys: 2 });
    const snapDir = path.join(scratch, "fuzzy-snap");
    await mkdir(path.join(snapDir, "meta"), { recursive: true });
    await writeFile(
      path.join(snapDir, "meta/snap.yaml"),
      "name: fuzzy\nversion: '1'\napps:\n  app:\n    command: bin/app\nplugs:\n  camera:\n  network:\n  home:\n  shared:\n    interface: content\n    content: docker-executables\n    target: $SNAP/shared\nslots:\n  bus:\n    interface: dbus\n    bus: session\n    name: org.example.Fuzzy\n",
    );
    let signed = 0;
    let ackAccepted = 0;
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.option(side, { nil: undefined }), fc.option(side, { nil: undefined }), async (plugs, slots) => {
        let text: string;
        try {
          text = signAssertion(
            { type: "snap-declaration", "authority-id": "acme", series: "16", "snap-id": "fuzzy-id", "snap-name": "fuzzy", "publisher-id": "acme", timestamp: new Date().toISOString(), ...(plugs ? { plugs } : {}), ...(slots ? { slots } : {}) },
            "",
            storeKey,
          );
        } catch (e) {
          mustBeClean(e, JSON.stringify({ plugs, slots }));
          return;
        }
        signed++;
        const root = await freshRoot(ackTemplate);
        const file = path.join(scratch, `signed-${i++}.assert`);
        await writeFile(file, text);
        const before = await treeBytes(root);
        const env = { PLUGBOARD_KEYS: keys };
        const r = await cliWith({ env }, root, "ack", file);
        const what = `ack of ${JSON.stringify(text)}`;
        expectCleanOutcome(r, what);
        if (r.exitCode !== 0) {
          expect(await treeBytes(root), `${what}\nwas refused but changed the root`).toEqual(before);
        } else {
          ackAccepted++;
          // The declaration now governs the install of "fuzzy": it may refuse, but cleanly, and what installs compiles.
          const beforeInstall = await treeBytes(root);
          const inst = await cliWith({ env }, root, "install", snapDir);
          expectCleanOutcome(inst, `install after ${what}`);
          if (inst.exitCode !== 0) expect(await treeBytes(root), `install after ${what}\nwas refused but changed the root`).toEqual(beforeInstall);
          else expect(await apparmorRefuses(await profilesUnder(root)), `install after ${what}`).toBeNull();
        }
        await rm(root, { recursive: true, force: true });
      }),
      params(Math.round(DEFAULT_CLI_RUNS / 2), 120_000),
    );
    console.log(`ack of signed hostile declarations: ${signed} signed, ${ackAccepted} accepted`);
    expect(signed).toBeGreaterThan(0);
  }, budget(120_000));
});
