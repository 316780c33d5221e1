import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import ionMemoryControl from "./ion-memory-control.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(ionMemoryControl, {}, {}, { system: true });
const rules = ruleLines(snippet(ionMemoryControl, "connectedPlug", ctx));

describe("ion-memory-control", () => {
  it.each([
    ["/dev/ion rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(ionMemoryControl, "connectedPlug", ctx)).toEqual(['KERNEL=="ion"']);
    for (const u of udevOf(ionMemoryControl, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
