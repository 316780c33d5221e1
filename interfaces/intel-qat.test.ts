import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import intelQat from "./intel-qat.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(intelQat, {}, {}, { system: true });
const rules = ruleLines(snippet(intelQat, "connectedPlug", ctx));

describe("intel-qat", () => {
  it.each([
    ["/dev/vfio/* rw,"],
    ["/dev/qat_adf_ctl rw,"],
    ["/run/qat/qatmgr.sock rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(intelQat, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="vfio", KERNEL=="*"', 'SUBSYSTEM=="misc", KERNEL=="vfio"', 'SUBSYSTEM=="qat_adf_ctl", KERNEL=="qat_adf_ctl"']);
    for (const u of udevOf(intelQat, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
