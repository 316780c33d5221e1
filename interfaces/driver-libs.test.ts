import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import cuda from "./cuda-driver-libs.js";
import egl from "./egl-driver-libs.js";
import gbm from "./gbm-driver-libs.js";
import nvidiaVideo from "./nvidia-video-driver-libs.js";
import opengl from "./opengl-driver-libs.js";
import opengles from "./opengles-driver-libs.js";
import vulkan from "./vulkan-driver-libs.js";
import { plugInfo } from "./test-support.js";
import { checkSourceDirs, compatibilityProblem, compatible, EXACTLY, FROM, sourceDirProblem, type CompatSpec } from "./driver-libs.js";
import { vulkanIcdProblem, vulkanLayersProblem } from "./vulkan-driver-libs.js";

const FOO_1_10: CompatSpec = [{ tag: "foo", values: [{ min: 1, max: 10 }] }];

describe("driver-libs: compatibility expressions", () => {
  it.each([
    "foo",
    "foo-0",
    "foo-4",
    "foo-4-(1..3)",
    "foo-(1..3)-4",
    "foo3e4-4-(1..3)-bar-2025-8-2",
    "foo3e4-4-(1..3)-bar-2025-8-2-libxxlongname-56-(4..90)",
    "(foo-3-4 OR bar-1-1-baz) AND boo32",
    "(foo-3-4 AND bar-1-1-baz) OR boo32",
    // A new tag may follow an integer without a hyphen, and operators need no blanks.
    "cuda-1ubuntu-2404",
    "a-1ORb-2",
    "foo-(1..2)3",
    " \tfoo-1\n",
    "((foo-1))",
    "a-1 AND b-2 AND c-3",
  ])("accepts %j", (expr) => {
    expect(compatibilityProblem(expr)).toBeNull();
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["3foo", /unexpected character "3"/],
    ["-foo", /unexpected character "-"/],
    ["foo-", /hyphen must be followed/],
    ["foo--1", /hyphen must be followed/],
    ["foo-2-foo-5", /appears twice/],
    ["foo-(0..0)-foo-5-other", /appears twice/],
    ["foo-01", /starts with 0/],
    ["foo-(01..5)", /starts with 0/],
    ["foo-(1..05)", /starts with 0/],
    ["foo-012345678", /starts with 0/],
    ["foo-123456789", /more than 8 digits/],
    ["a12345678901234567890123456789012", /longer than 32/],
    ["fooBar", /unexpected character "B"/],
    ["foo-bar-baz-other", /at most 3 tags/],
    ["foo-1-2-3-4", /at most 3 integers/],
    ["bar-3-(2..1)", /ends below its start/],
    ["bar-3-(2 ..99)", /needs "\.\."/],
    ["bar-(2..3", /not closed/],
    ["foo-4 OR bar AND blah", /parentheses around a mix/],
    ["foo-4 OR ", /expected a label/],
    [" OR foo-4", /expected a label/],
    ["( OR foo-4)", /expected a label/],
    ["(foo-1", /expected "\)"/],
    ["foo-1)", /unexpected "\)" at the end/],
    ["foo-1 bar-2", /expected AND, OR or the end/],
    ["foo-1, /** rwx,", /unexpected character ","/],
    ["foo-1\u00e9", /unexpected character/],
    ["f\u00e9-1", /unexpected character/],
    ["foo-\u0663", /hyphen must be followed/],
  ])("refuses %j", (expr, re) => {
    expect(compatibilityProblem(expr)).toMatch(re);
  });

  it.each([
    ["foo", [{ tag: "foo", values: [FROM(0)] }] as CompatSpec],
    ["foo-2", [{ tag: "foo", values: [{ min: 0, max: 3 }] }] as CompatSpec],
    ["foo-(2..6)", [{ tag: "foo", values: [{ min: 2, max: 6 }] }] as CompatSpec],
    ["foo-(2..6)-bar-7", [{ tag: "foo", values: [{ min: 1, max: 10 }] }, { tag: "bar", values: [{ min: 7, max: 10 }] }] as CompatSpec],
    ["foo-(2..6) AND foo-1 AND foo-10", FOO_1_10],
    ["foo-(2..6) AND (foo-1 OR foo-10 OR foo-(2..10))", FOO_1_10],
  ])("%j fits its spec", (expr, spec) => {
    expect(compatibilityProblem(expr, spec)).toBeNull();
  });

  it.each([
    ["foo", [{ tag: "bar", values: [{ min: 1, max: 10 }] }] as CompatSpec, /tag 1 must be "bar"/],
    ["foo-3-bar", FOO_1_10, /must have 1 tags/],
    ["foo-3-8", FOO_1_10, /takes 1 integer/],
    ["foo-(0..3)", [{ tag: "foo", values: [{ min: 1, max: 5 }] }] as CompatSpec, /outside \(1\.\.5\)/],
    ["foo-(3..6)", [{ tag: "foo", values: [{ min: 1, max: 5 }] }] as CompatSpec, /outside/],
    ["foo", FOO_1_10, /value 0 is outside/],
    ["(foo-1 OR foo-2) AND foo-(1..100)", FOO_1_10, /\(1\.\.100\) is outside/],
    ["(foo-1 OR foo-77) AND foo-1", FOO_1_10, /77 is outside/],
  ])("%j does not fit its spec", (expr, spec, re) => {
    expect(compatibilityProblem(expr, spec)).toMatch(re);
  });

  it("open-ended ranges accept any 8-digit value", () => {
    expect(compatibilityProblem("ubuntu-(2404..99999999)", [{ tag: "ubuntu", values: [FROM(2404)] }])).toBeNull();
    expect(compatibilityProblem("ubuntu-2204", [{ tag: "ubuntu", values: [FROM(2404)] }])).toMatch(/outside \(2404\.\.\)/);
    expect(compatibilityProblem("v-7", [{ tag: "v", values: [EXACTLY(7)] }])).toBeNull();
  });
});

describe("driver-libs: *-source directories", () => {
  it.each([
    ["$SNAP/usr/lib/x86_64-linux-gnu"],
    ["${SNAP}/lib"],
    ["$SNAP/"],
    ["$SNAP/lib..x/y"],
  ])("accepts %j", (dir) => {
    expect(sourceDirProblem(dir)).toBeNull();
  });

  it.each([
    ["$SNAP", /must start with \$SNAP\/ or \$\{SNAP\}\//],
    ["/usr/lib", /must start with/],
    ["lib", /must start with/],
    ["$SNAP_DATA/lib", /must start with/],
    ["${SNAP_COMMON}/lib", /must start with/],
    ["$SNAP/..", /points outside/],
    // snapd refuses any cleaned path that starts with "..", a name like "..lib" too.
    ["$SNAP/..lib/x", /points outside/],
    ["$SNAP/../../etc", /points outside/],
    ["$SNAP/a/../../etc", /points outside/],
    ["$SNAP/a/../b", /not a clean path/],
    ["$SNAP/./lib", /not a clean path/],
    ["$SNAP/lib/", /not a clean path/],
    ["$SNAP//lib", /not a clean path/],
    ["$SNAP/lib\n/** rwx", /character that is not allowed/],
    ["$SNAP/lib,/** rwx", /character that is not allowed/],
    ["$SNAP/{lib,etc}", /character that is not allowed/],
    ["$SNAP/lib/**", /character that is not allowed/],
    ['$SNAP/lib"', /character that is not allowed/],
    ["$SNAP/l ib", /character that is not allowed/],
    ["$SNAP/$SNAP_DATA", /character that is not allowed/],
    ["$SNAP/li\u00e9", /character that is not allowed/],
    ["$SNAP_COMPONENT(gpu)/lib", /Plugboard does not install snap components/],
    ["$SNAP_COMPONENT(gpu/lib", /not of the form/],
  ])("refuses %j", (dir, re) => {
    expect(sourceDirProblem(dir)).toMatch(re);
  });

  it.each([
    [{}, /library-source must be set/],
    [{ "library-source": "$SNAP/lib" }, /must be a list/],
    [{ "library-source": [1] }, /library-source\[0\] must be a string/],
    [{ "library-source": ["$SNAP/lib", ["$SNAP/x"]] }, /library-source\[1\] must be a string/],
    [{ "library-source": ["$SNAP/lib", "$SNAP/../x"] }, /library-source\[1\] "\$SNAP\/\.\.\/x" points outside/],
  ])("checkSourceDirs refuses %j", (attrs, re) => {
    expect(() => checkSourceDirs(attrs as AttrMap, "library-source")).toThrow(AttributeProblem);
    expect(() => checkSourceDirs(attrs as AttrMap, "library-source")).toThrow(re);
  });

  it("takes an empty list, and leaves out an optional attribute", () => {
    expect(() => checkSourceDirs({ "library-source": [] }, "library-source")).not.toThrow();
    expect(() => checkSourceDirs({}, "implicit-layer-source", true)).not.toThrow();
    expect(() => checkSourceDirs({ "implicit-layer-source": "x" }, "implicit-layer-source", true)).toThrow(/must be a list/);
  });
});

// What every *-driver-libs slot shares; each interface's own test covers its
// compatibility tags and its other attributes.
const DRIVER_LIBS: readonly InterfaceModule[] = [cuda, egl, gbm, nvidiaVideo, opengl, opengles, vulkan];

describe.each(DRIVER_LIBS.map((m) => [m.name, m] as const))("%s: what every driver-libs slot shares", (_name, m) => {
  const valid = m.examples!.slot!;
  const slot = (attrs: Record<string, unknown>) =>
    plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

  it("accepts the example slot and keeps its attributes, unknown ones too (as snapd does)", () => {
    expect(m.sanitizeSlot!(slot(valid))).toEqual(valid);
    expect(m.sanitizeSlot!(slot({ ...valid, extra: "kept" }))).toMatchObject({ extra: "kept" });
  });

  it.each([
    [{ compatibility: undefined }, /compatibility must be set/],
    [{ compatibility: 12 }, /compatibility must be a string/],
    [{ compatibility: "" }, /empty/],
    [{ compatibility: "x-1, /** rwx," }, /unexpected character ","/],
    [{ "library-source": undefined }, /library-source must be set/],
    [{ "library-source": "$SNAP/lib" }, /library-source must be a list/],
    [{ "library-source": ["/usr/lib"] }, /must start with \$SNAP\//],
    [{ "library-source": ["$SNAP/../../etc"] }, /points outside/],
    [{ "library-source": ["$SNAP/lib,/** rwx"] }, /character that is not allowed/],
    [{ "library-source": ["$SNAP/lib\n"] }, /character that is not allowed/],
    [{ "library-source": ["$SNAP/{a,b}"] }, /character that is not allowed/],
    [{ "library-source": ["$SNAP_COMPONENT(gpu)/lib"] }, /does not install snap components/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (change, re) => {
    expect(() => m.sanitizeSlot!(slot({ ...valid, ...change }))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot({ ...valid, ...change }))).toThrow(re);
  });

  it("adds no confinement rules: what it does in snapd needs backends Plugboard does not have", () => {
    for (const role of ["connectedPlug", "connectedSlot", "permanentPlug", "permanentSlot"] as const) expect(m[role]).toBeUndefined();
    expect(m.sanitizePlug).toBeUndefined();
  });

  it("keeps the plug for the system snap and needs a snap declaration for the slot", () => {
    expect(m.baseDeclaration).toEqual({
      plugs: { "allow-installation": { "plug-snap-type": ["core"] }, "deny-auto-connection": true },
      slots: { "allow-installation": false, "deny-auto-connection": true },
    });
    expect(m.implicitOn).toEqual({ core: false, classic: false });
  });
});

describe("driver-libs: compatibility of two expressions", () => {
  it.each([
    // A slot's label against the label an api_version makes.
    ["vulkan-1-(0..3)-ubuntu-2404", "vulkan-1-3-ubuntu-(0..99999999)", true],
    ["vulkan-1-(0..3)-ubuntu-2404", "vulkan-1-4-ubuntu-(0..99999999)", false],
    ["vulkan-1-2-ubuntu-2404", "vulkan-1-2-ubuntu-(0..99999999)", true],
    // Different tags, or a different number of values, never match.
    ["vulkan-1-2-ubuntu-2404", "opengl-1-2-ubuntu-2404", false],
    ["foo-1-2", "foo-1", false],
    // An OR on one side needs one of its labels on the other.
    ["foo-1 OR foo-5", "foo-5", true],
    ["foo-1 OR foo-5", "foo-3", false],
    // An AND needs all of them, both ways.
    ["foo-1 AND bar-2", "foo-1", false],
    ["foo-1 AND bar-2", "(foo-1 AND bar-2)", true],
    ["(foo-1 OR foo-2) AND bar-(1..3)", "foo-2 AND bar-3", true],
    // What does not parse is compatible with nothing.
    ["foo-", "foo-1", false],
    ["foo-1", "", false],
  ])("%j and %j: %s", (a, b, want) => {
    expect(compatible(a, b)).toBe(want);
    expect(compatible(b, a)).toBe(want);
  });
});

describe("driver-libs: Vulkan manifests", () => {
  const compat = "vulkan-1-(0..3)-ubuntu-2404";
  const has = (f: string) => f === "libvk.so.1";
  it.each([
    [{ ICD: { api_version: "1.3.277", library_path: "libvk.so.1" } }, undefined],
    [{ ICD: { api_version: "1.4.0", library_path: "libvk.so.1" } }, /api_version 1\.4\.0 is not compatible/],
    [{ ICD: { api_version: "1", library_path: "libvk.so.1" } }, /is not a version/],
    [{ ICD: { api_version: "x.1", library_path: "libvk.so.1" } }, /invalid major/],
    [{ ICD: { api_version: "1.y", library_path: "libvk.so.1" } }, /invalid minor/],
    [{ ICD: { library_path: "libvk.so.1" } }, /no api_version/],
    [{ ICD: { api_version: "1.3.0" } }, /no library_path/],
    [{ ICD: { api_version: "1.3.0", library_path: "libother.so" } }, /"libother\.so" not found in the library-source directories/],
    [[], /no api_version/],
  ])("ICD %j", (manifest, want) => {
    const problem = vulkanIcdProblem(manifest, compat, has);
    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(want);
  });

  it.each([
    [{ layer: { api_version: "1.3.0", library_path: "libvk.so.1" } }, undefined],
    [{ layers: [{ api_version: "1.3.0", library_path: "libvk.so.1" }, { api_version: "1.2.0", component_layers: ["A"] }] }, undefined],
    [{}, /either layer or layers/],
    [{ layer: { api_version: "1.3.0", library_path: "libvk.so.1" }, layers: [{ api_version: "1.3.0", library_path: "libvk.so.1" }] }, /cannot be both present/],
    [{ layer: { api_version: "1.3.0" } }, /either library_path or component_layers/],
    [{ layer: { api_version: "1.3.0", library_path: "libvk.so.1", component_layers: ["A"] } }, /library_path and component_layers cannot be both/],
    [{ layers: [{ api_version: "1.3.0", library_path: "libvk.so.1" }, { api_version: "2.0.0", library_path: "libvk.so.1" }] }, /api_version 2\.0\.0 is not compatible/],
  ])("layers %j", (manifest, want) => {
    const problem = vulkanLayersProblem(manifest, compat, has);
    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(want);
  });
});
