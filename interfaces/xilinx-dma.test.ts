import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import xilinxDma from "./xilinx-dma.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(xilinxDma, {}, {}, { system: true });
const rules = ruleLines(snippet(xilinxDma, "connectedPlug", ctx));

describe("xilinx-dma", () => {
  it.each([
    ["/dev/xdma[0-9]*_{c2h,h2c,events}_[0-9]* rw,"],
    ["/dev/qdma{,vf}[0-9]*-{MM,ST}-[0-9]* rw,"],
    ["/sys/devices/pci*/**/qdma/* rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(xilinxDma, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="xdma"', 'SUBSYSTEM=="qdma-pf"', 'SUBSYSTEM=="qdma-vf"']);
    for (const u of udevOf(xilinxDma, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
