import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import accel from "./accel.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(accel, {}, {}, { system: true });
const rules = ruleLines(snippet(accel, "connectedPlug", ctx));

describe("accel", () => {
  it.each([
    ["/dev/accel/accel* rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(accel, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="accel", KERNEL=="accel*"']);
    for (const u of udevOf(accel, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
