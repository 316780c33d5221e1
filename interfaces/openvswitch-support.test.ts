import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import m from "./openvswitch-support.js";

const ctx = connectedContext(m, {}, {}, { system: true });

describe("openvswitch-support", () => {
  it("loads the datapath module", () => {
    expect(m.connectedPlug.kmod).toEqual({ load: ["openvswitch"] });
  });
  it("grants nothing else (as snapd)", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual([]);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual([]);
    expect(udevOf(m, "connectedPlug", ctx)).toEqual([]);
  });
});
