import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import coreSupport from "./core-support.js";

describe("core-support", () => {
  it("grants nothing on either side", () => {
    const ctx = connectedContext(coreSupport, {}, {}, { system: true });
    for (const role of ["connectedPlug", "connectedSlot"] as const) {
      expect(ruleLines(snippet(coreSupport, role, ctx))).toEqual([]);
      expect(ruleLines(seccompOf(coreSupport, role, ctx))).toEqual([]);
    }
    expect(Object.keys(coreSupport).filter((k) => /^(connected|permanent)/.test(k))).toEqual([]);
  });

  it("can only be plugged by the core snap", () => {
    expect(coreSupport.baseDeclaration.plugs).toEqual({ "allow-installation": { "plug-snap-type": ["core"] } });
  });
});
