import { describe, expect, it } from "vitest";
import { type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, ruleLines, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const devRules = devRuleLines;
import u2fDevices from "./u2f-devices.js";

describe("u2f-devices", () => {
  const ctx = connect(u2fDevices, {}, {}, true);
  it("grants hidraw nodes (the cgroup narrows them to tagged ones)", () => {
    expect(devRules(apparmorOf(u2fDevices, ctx))).toEqual(["/dev/hidraw* rwk,"]);
    expect(ruleLines(apparmorOf(u2fDevices, ctx))).toContain("/sys/devices/**/usb*/**/report_descriptor r,");
    expect(ruleLines(apparmorOf(u2fDevices, ctx))).toContain("/run/udev/data/c24[0-9]:* r,");
  });
  it("tags the listed security keys by vendor and product", () => {
    const u = udevOf(u2fDevices, ctx);
    expect(u).toContain('SUBSYSTEM=="hidraw", KERNEL=="hidraw*", ATTRS{idVendor}=="1050", ATTRS{idProduct}=="0407"');
    expect(u).toContain('SUBSYSTEM=="hidraw", KERNEL=="hidraw*", ATTRS{idVendor}=="2ccf", ATTRS{idProduct}=="0880"');
    expect(u).toContain('SUBSYSTEM=="hidraw", KERNEL=="hidraw*", ATTRS{idVendor}=="20a0", ATTRS{idProduct}=="42d4"');
    // Not every FIDO token whatever its vendor, as before: snapd tags its list.
    expect(u).not.toContain('SUBSYSTEM=="hidraw", ENV{ID_FIDO_TOKEN}=="1"');
    for (const x of u) expect(safeUdevMatch(x, "t")).toBe(x);
    expect(new Set(u).size).toBe(u.length);
  });
});
