import { describe, expect, it } from "vitest";
import { type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, seccompOf, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const devRules = devRuleLines;
import m from "./raw-usb.js";

describe("raw-usb", () => {
  it("grants and tags exactly its devices", () => {
    const ctx = connect(m, {}, {}, true);
    expect(devRules(apparmorOf(m, ctx))).toEqual(["/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] rw,", "/dev/tty{USB,ACM}[0-9]* rwk,", "/dev/usb/lp[0-9]* rwk,"]);
    expect(udevOf(m, ctx)).toEqual(['SUBSYSTEM=="usb"', 'SUBSYSTEM=="usbmisc"', 'SUBSYSTEM=="tty", ENV{ID_BUS}=="usb"']);
    for (const u of udevOf(m, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it.each([
    ["@{PROC}/tty/drivers r,", true],
    ["/sys/devices/pci**/usb[0-9]** r,", true],
    ["/run/udev/data/c18[089]:* r,", true],
    ["/run/udev/data/b180:* r,", true],
    // Broader than snapd: not granted.
    ["/sys/devices/**/usb[0-9]*/** r,", false],
    ["/dev/bus/usb/ r,", false],
  ])("rule %s granted: %s", (rule, granted) => {
    const lines = apparmorOf(m, connect(m, {}, {}, true)).split("\n").map((l) => l.trim());
    expect(lines.includes(rule)).toBe(granted);
  });

  it("lets the hot-plug monitor open the uevent socket in AppArmor as well as in seccomp", () => {
    // Found by the VM tests: the filter allowed the socket and AppArmor refused it.
    const ctx = connect(m, {}, {}, true);
    expect(apparmorOf(m, ctx)).toContain("network netlink raw,");
    expect(seccompOf(m, "connectedPlug", ctx)).toContain("socket AF_NETLINK - NETLINK_KOBJECT_UEVENT");
  });
});
