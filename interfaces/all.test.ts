import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AttributeProblem, RULE_NAMES } from "../src/iface/index.js";
import { isValidInterfaceName, type AttrMap, type PlugInfo } from "../src/snap/index.js";
import { SESSION_BUS_STRICT, SYSTEM_BUS_STRICT } from "./dbus.js";
import { builtinInterfaces, builtinRegistry } from "./index.js";
import { connectedContext, permanentContext, ruleLines, snippet } from "./test-support.js";

// Every name must be one snapd has: the 2.57 table or the table of interfaces added since.
const tableNames = (file: string): string[] =>
  readFileSync(path.resolve(import.meta.dirname, "../test/fixtures", file), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t")[0]!);
const referenceNames = new Set([...tableNames("iface-policy.tsv"), ...tableNames("iface-policy-current.tsv")]);

const plug = (iface: string, attrs: AttrMap, name = iface): PlugInfo => ({ snap: "s", name, interface: iface, attrs, apps: [], hooks: [] });

describe.each(builtinInterfaces.map((m) => [m.name, m] as const))("interface %s", (name, m) => {
  it("is registered once, under a valid name that snapd also has", () => {
    expect(builtinInterfaces.filter((x) => x.name === name)).toHaveLength(1);
    expect(builtinRegistry().get(name)).toBe(m);
    expect(isValidInterfaceName(name)).toBe(true);
    expect(referenceNames.has(name)).toBe(true);
  });
  it("has a summary and only known rule names in its base declaration", () => {
    expect(m.summary.length).toBeGreaterThan(10);
    for (const side of [m.baseDeclaration.plugs, m.baseDeclaration.slots]) {
      for (const rule of Object.keys(side ?? {})) expect(RULE_NAMES).toContain(rule);
    }
  });
});

// A module that talks to a bus daemon includes the whole client abstraction
// (snapd includes AppArmor's dbus-strict or dbus-session-strict), never a
// partial copy that drifts from it: the socket paths and machine id differ
// between distributions, and one shared definition keeps them all in step.
describe("bus clients use the one definition of the bus abstractions", () => {
  const abstractions = [
    ["system", SYSTEM_BUS_STRICT],
    ["session", SESSION_BUS_STRICT],
  ] as const;
  const rendered = (m: (typeof builtinInterfaces)[number]): string[] => {
    const ex = m.examples ?? {};
    const texts: string[] = [];
    const attempt = (f: () => string) => {
      try {
        texts.push(f());
      } catch {
        // A module that needs attributes or a host feature the example lacks renders nothing here.
      }
    };
    attempt(() => snippet(m, "connectedPlug", connectedContext(m, ex.plug, ex.slot)));
    attempt(() => snippet(m, "connectedSlot", connectedContext(m, ex.plug, ex.slot)));
    attempt(() => snippet(m, "permanentPlug", permanentContext(m, ex.plug)));
    attempt(() => snippet(m, "permanentSlot", permanentContext(m, ex.slot)));
    return texts;
  };
  it.each(builtinInterfaces.map((m) => [m.name, m] as const))("%s", (_name, m) => {
    for (const text of rendered(m)) {
      const lines = new Set(ruleLines(text));
      for (const [bus, block] of abstractions) {
        const hello = ruleLines(block).find((l) => l.includes("member={Hello"))!;
        if (lines.has(hello)) for (const l of ruleLines(block)) expect(lines, `${bus} bus client without ${l}`).toContain(l);
      }
    }
  });
});

describe("attribute validation", () => {
  const reg = builtinRegistry();
  const sanitizePlug = (iface: string, attrs: AttrMap, name?: string) => reg.get(iface)!.sanitizePlug!(plug(iface, attrs, name));
  const sanitizeSlot = (iface: string, attrs: AttrMap, name?: string) => reg.get(iface)!.sanitizeSlot!(plug(iface, attrs, name));

  it.each([
    ["home", { read: "everything" }, /read must be "all"/],
    ["home", { write: "all" }, /unknown attribute "write"/],
    ["docker-support", { "privileged-containers": "yes" }, /must be true or false/],
    ["camera", { device: "/dev/video0" }, /unknown attribute "device"/],
    ["content", {}, /must set target/],
    ["content", { target: "$HOME/x" }, /character that is not allowed/],
    ["content", { target: "$SNAP/../escape" }, /not a clean path/],
    ["content", { target: "$SNAP/a, /** rwx," }, /character that is not allowed/],
    ["content", { target: "$SNAP/{a,b}" }, /character that is not allowed/],
    ["content", { target: "$SNAP/a\nb" }, /character that is not allowed/],
    ["content", { target: "$SNAP/x", content: "bad label!" }, /not a content label/],
    ["content", { target: "$SNAP/x", "default-provider": "Not_A_Snap" }, /not a snap name/],
  ])("%s plug refuses %j", (iface, attrs, re) => {
    expect(() => sanitizePlug(iface, attrs)).toThrow(AttributeProblem);
    expect(() => sanitizePlug(iface, attrs)).toThrow(re);
  });

  it.each([
    ["content", {}, /must set read or write/],
    ["content", { read: "$SNAP/x" }, /must be a list/],
    ["content", { read: ["$SNAP/../x"] }, /not a clean path/],
    ["content", { write: ["$SNAP_DATA/a\"b"] }, /character that is not allowed/],
    ["content", { read: ["x"], source: { read: ["y"] } }, /inside the "source" section/],
  ])("%s slot refuses %j", (iface, attrs, re) => {
    expect(() => sanitizeSlot(iface, attrs)).toThrow(re);
  });

  it("fills in defaults snapd fills in", () => {
    expect(sanitizePlug("content", { target: "$SNAP/docker-snap" }, "docker-executables")).toEqual({
      target: "$SNAP/docker-snap",
      content: "docker-executables",
    });
    expect(sanitizeSlot("content", { read: ["."] }, "exe")).toEqual({ read: ["."], content: "exe" });
    expect(sanitizeSlot("content", { source: { write: ["$SNAP_DATA/x"] } }, "w")).toMatchObject({ content: "w" });
    expect(sanitizePlug("home", { read: "all" })).toEqual({ read: "all" });
  });
});

// Every attribute that becomes a path in an AppArmor rule or an fstab line is
// checked by the one shared validator (src/iface/verbatim.ts); these values
// got through some of the modules' own copies of it.
describe("path attributes: control characters, DEL, parentheses, non-ASCII and unclean paths", () => {
  const reg = builtinRegistry();
  const sanitize = (iface: string, side: "plug" | "slot", attrs: AttrMap) => {
    const m = reg.get(iface)!;
    return (side === "plug" ? m.sanitizePlug! : m.sanitizeSlot!)(plug(iface, attrs));
  };
  const paths: readonly [string, "plug" | "slot", (segment: string) => AttrMap][] = [
    ["content", "plug", (s) => ({ target: `$SNAP/${s}` })],
    ["content", "plug", (s) => ({ target: `$SNAP_DATA/${s}` })],
    ["content", "slot", (s) => ({ read: [`$SNAP/${s}`] })],
    ["content", "slot", (s) => ({ write: [`$SNAP_COMMON/${s}`] })],
    ["content", "slot", (s) => ({ source: { read: [`lib/${s}`] } })],
    ["cups", "slot", (s) => ({ "cups-socket-directory": `$SNAP_COMMON/${s}` })],
    ["system-files", "plug", (s) => ({ read: [`/etc/${s}`] })],
    ["personal-files", "plug", (s) => ({ write: [`$HOME/.config/${s}`] })],
    ["custom-device", "slot", (s) => ({ devices: [`/dev/${s}`] })],
    ["custom-device", "slot", (s) => ({ files: { read: [`/sys/class/${s}`] } })],
  ];
  const hostileSegments = ["a\x01b", "a\x1fb", "a\x7fb", "a\x1b[31mb", "a(b", "a)b", "(x)", "é", "a\u00a0b", "a\u202eb", "a\u2028b"];
  const uncleanSegments = ["../../etc/shadow", "..", "x/..", "./x", "x/.", "x//y", "x/", "x/../../y"];
  const cases = paths.flatMap(([iface, side, at]) => [...hostileSegments, ...uncleanSegments].map((s) => [iface, side, s, at(s)] as const));

  it.each(cases)("%s %s refuses the segment %j (%j)", (iface, side, _segment, attrs) => {
    expect(() => sanitize(iface, side, attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(iface, side, attrs)).toThrow(/character that is not allowed|not a clean path|must be an absolute path of letters/);
  });

  it.each(paths.map(([iface, side, at]) => [iface, side, at("plain-name_1.2")] as const))("%s %s still accepts a plain path (%j)", (iface, side, attrs) => {
    expect(() => sanitize(iface, side, attrs)).not.toThrow();
  });

  it.each([...hostileSegments, "..", ".", "a/b"])("shared-memory slot refuses the object name %j", (name) => {
    expect(() => sanitize("shared-memory", "slot", { read: [name] })).toThrow(AttributeProblem);
  });

  it.each(["~", "a~", "~root"])("system-files and personal-files refuse %j, as snapd does", (s) => {
    expect(() => sanitize("system-files", "plug", { read: [`/home/${s}`] })).toThrow(/must not contain "~"/);
    expect(() => sanitize("personal-files", "plug", { read: [`$HOME/${s}`] })).toThrow(/must not contain "~"/);
  });
});
