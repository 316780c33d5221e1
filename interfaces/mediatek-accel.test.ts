import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, plugInfo, snippet, udevOf } from "./test-support.js";
import mediatekAccel from "./mediatek-accel.js";

/** app:x, with these plug attributes, connected to the system snap's slot. */
const ctx = (plugAttrs: AttrMap) => connectedContext(mediatekAccel, plugAttrs, {}, { system: true });
const sanitize = (attrs: AttrMap) => mediatekAccel.sanitizePlug(plugInfo("app", "mediatek-accel", attrs));

describe("mediatek-accel", () => {
  it.each<[string[], string[], string[]]>([
    [["apu"], ["/dev/apusys rw,"], ['SUBSYSTEM=="misc", KERNEL=="apusys"']],
    [["vcu"], ["/dev/vcu rw,", "/dev/vcu[0-9]* rw,"], ['SUBSYSTEM=="vcu", KERNEL=="vcu"', 'SUBSYSTEM=="vcu[0-9]*", KERNEL=="vcu[0-9]*"']],
    [
      ["vcu", "apu", "vcu"],
      ["/dev/vcu rw,", "/dev/vcu[0-9]* rw,", "/dev/apusys rw,"],
      ['SUBSYSTEM=="vcu", KERNEL=="vcu"', 'SUBSYSTEM=="vcu[0-9]*", KERNEL=="vcu[0-9]*"', 'SUBSYSTEM=="misc", KERNEL=="apusys"'],
    ],
  ])("units %j grant and tag only their own devices", (units, devs, udev) => {
    expect(() => sanitize({ units })).not.toThrow();
    expect(devRuleLines(snippet(mediatekAccel, "connectedPlug", ctx({ units })))).toEqual(devs);
    expect(udevOf(mediatekAccel, "connectedPlug", ctx({ units }))).toEqual(udev);
    for (const u of udev) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it.each<[string, AttrMap, RegExp]>([
    ["no units", {}, /units must be set/],
    ["an empty list", { units: [] }, /at least one unit/],
    ["a single string", { units: "apu" }, /must be a list of strings/],
    ["a number in the list", { units: ["apu", 1] }, /units\[1\] must be a string/],
    ["an unknown unit", { units: ["gpu"] }, /"gpu" is not a known unit \(valid: apu, vcu\)/],
    ["AppArmor syntax", { units: ["apu,/** rw"] }, /is not a known unit/],
    ["a path", { units: ["../apu"] }, /is not a known unit/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(re);
  });
});
