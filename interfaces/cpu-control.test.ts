import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import cpuControl from "./cpu-control.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(cpuControl, {}, {}, { system: true });
const rules = ruleLines(snippet(cpuControl, "connectedPlug", ctx));

describe("cpu-control", () => {
  it.each([
    ["/dev/cpu_dma_latency rw,"],
    ["/sys/devices/system/cpu/cpu*/online rw,"],
    ["/sys/devices/system/cpu/cpufreq/policy*/scaling_governor w,"],
    ["/proc/irq/[0-9]*/smp_affinity rwk,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(cpuControl, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="misc", KERNEL=="cpu_dma_latency"']);
    for (const u of udevOf(cpuControl, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
