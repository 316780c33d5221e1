import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import intelMei from "./intel-mei.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(intelMei, {}, {}, { system: true });
const rules = ruleLines(snippet(intelMei, "connectedPlug", ctx));

describe("intel-mei", () => {
  it.each([
    ["/dev/mei[0-9]* rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(intelMei, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="mei"']);
    for (const u of udevOf(intelMei, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
