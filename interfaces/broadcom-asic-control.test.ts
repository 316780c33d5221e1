import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import broadcomAsicControl from "./broadcom-asic-control.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(broadcomAsicControl, {}, {}, { system: true });
const rules = ruleLines(snippet(broadcomAsicControl, "connectedPlug", ctx));

describe("broadcom-asic-control", () => {
  it.each([
    ["/dev/linux-user-bde rw,"],
    ["/dev/linux-kernel-bde rw,"],
    ["/dev/linux-bcm-knet rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(broadcomAsicControl, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="pci", DRIVER=="linux-kernel-bde"', 'SUBSYSTEM=="net", KERNEL=="bcm[0-9]*"']);
    for (const u of udevOf(broadcomAsicControl, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});

describe("broadcom-asic-control kernel modules", () => {
  it("asks for the three out-of-tree modules to be loaded, and nothing else", () => {
    expect(broadcomAsicControl.connectedPlug.kmod).toEqual({ load: ["linux-user-bde", "linux-kernel-bde", "linux-bcm-knet"] });
  });
});
