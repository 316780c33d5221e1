import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import dcdbasControl from "./dcdbas-control.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(dcdbasControl, {}, {}, { system: true });
const rules = ruleLines(snippet(dcdbasControl, "connectedPlug", ctx));

describe("dcdbas-control", () => {
  it.each([
    ["/sys/devices/platform/dcdbas/smi_request rw,"],
    ["/sys/devices/platform/dcdbas/host_control_action rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(dcdbasControl, "connectedPlug", ctx)).toEqual([]);
    for (const u of udevOf(dcdbasControl, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});

describe("dcdbas-control scope", () => {
  it("writes only the driver's own sysfs files", () => {
    expect(rules.filter((l) => / r?w,$/.test(l)).every((l) => l.startsWith("/sys/devices/platform/dcdbas/"))).toBe(true);
  });
});
