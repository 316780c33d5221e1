import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo, ruleLines, snippet, udevOf } from "./test-support.js";
import sdControl from "./sd-control.js";

/** app:x, with these plug attributes, connected to the system snap's slot. */
const ctx = (plugAttrs: AttrMap) => connectedContext(sdControl, plugAttrs, {}, { system: true });
const sanitize = (attrs: AttrMap) => sdControl.sanitizePlug(plugInfo("app", "sd-control", attrs));

describe("sd-control", () => {
  it("grants and tags the DualSD control node for the dual-sd flavor", () => {
    expect(ruleLines(snippet(sdControl, "connectedPlug", ctx({ flavor: "dual-sd" })))).toEqual(["/dev/DualSD rw,"]);
    expect(udevOf(sdControl, "connectedPlug", ctx({ flavor: "dual-sd" }))).toEqual(['KERNEL=="DualSD"']);
  });

  it("grants nothing to a plug without a flavor, as snapd", () => {
    expect(sanitize({})).toEqual({});
    expect(snippet(sdControl, "connectedPlug", ctx({}))).toBe("");
    expect(udevOf(sdControl, "connectedPlug", ctx({}))).toEqual([]);
  });

  it.each<[string, AttrMap]>([
    ["an unknown flavor", { flavor: "dualsd" }],
    ["a list", { flavor: ["dual-sd"] }],
    ["a boolean", { flavor: true }],
    ["AppArmor syntax", { flavor: "dual-sd,{a}" }],
    ["a path", { flavor: "../dual-sd" }],
  ])("plug refuses %s, naming the valid flavors", (_l, attrs) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(/\(valid: dual-sd\)/);
  });
});
