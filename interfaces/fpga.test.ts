import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import fpga from "./fpga.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(fpga, {}, {}, { system: true });
const rules = ruleLines(snippet(fpga, "connectedPlug", ctx));

describe("fpga", () => {
  it.each([
    ["/dev/fpga[0-9]* rw,"],
    ["/sys/devices/platform/firmware:zynqmp-firmware/firmware:zynqmp-firmware:pcap/fpga_manager/fpga[0-9]*/firmware w,"],
    ["/sys/module/zynqmp_fpga/parameters/readback_type rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(fpga, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="misc", KERNEL=="fpga[0-9]*"']);
    for (const u of udevOf(fpga, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
