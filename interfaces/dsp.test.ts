import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, plugInfo, snippet, udevOf } from "./test-support.js";
import dsp from "./dsp.js";

/** app:x connected to gadget:x whose slot has these attributes. */
const ctx = (slotAttrs: AttrMap) => connectedContext(dsp, {}, slotAttrs, { slotSnap: "gadget" });
const sanitize = (attrs: AttrMap) => dsp.sanitizeSlot(plugInfo("gadget", "dsp", attrs));

describe("dsp", () => {
  it("grants the Ambarella DSP's devices and tags them for the ambarella flavor", () => {
    const c = ctx({ flavor: "ambarella" });
    expect(devRuleLines(snippet(dsp, "connectedPlug", c))).toEqual(["/dev/ucode rw,", "/dev/iav rw,", "/dev/cavalry rw,", "/dev/ambad rw,", "/dev/lens rw,"]);
    expect(snippet(dsp, "connectedPlug", c)).toMatch(/^\/proc\/ambarella\/ambnl\/\*\* rw,$/m);
    expect(udevOf(dsp, "connectedPlug", c)).toEqual(['KERNEL=="iav"', 'KERNEL=="cavalry"', 'KERNEL=="ucode"', 'KERNEL=="lens"', 'KERNEL=="ambad"']);
    for (const u of udevOf(dsp, "connectedPlug", c)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("grants nothing when the slot names no flavor, as snapd", () => {
    expect(sanitize({})).toEqual({});
    expect(snippet(dsp, "connectedPlug", ctx({}))).toBe("");
    expect(udevOf(dsp, "connectedPlug", ctx({}))).toEqual([]);
  });

  it.each<[string, AttrMap]>([
    ["an unknown flavor", { flavor: "qualcomm" }],
    ["a flavor in another case", { flavor: "Ambarella" }],
    ["a list", { flavor: ["ambarella"] }],
    ["a number", { flavor: 1 }],
    ["AppArmor syntax", { flavor: "ambarella, /** rw" }],
    ["a newline", { flavor: "ambarella\n/** rw," }],
  ])("slot refuses %s, naming the valid flavors", (_l, attrs) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(/flavor .* \(valid: ambarella\)/);
  });
});
