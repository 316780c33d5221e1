import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, plugInfo as endpoint, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const devRules = devRuleLines;
import serialPort from "./serial-port.js";

describe("serial-port", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["a disk", { path: "/dev/sda" }, /not "\/dev\/sda"|serial device/],
    ["a glob", { path: "/dev/ttyUSB*" }, /serial device/],
    ["a console", { path: "/dev/tty1" }, /serial device/],
    ["an injected rule", { path: "/dev/ttyUSB0 rw,\n/** rwx" }, /serial device/],
    ["a relative path", { path: "ttyUSB0" }, /serial device/],
    ["a number", { path: 5 }, /must be a string/],
    ["usb ids with a tty path", { path: "/dev/ttyUSB0", "usb-vendor": 0x0403, "usb-product": 0x6001 }, /\/dev\/serial-port-NAME/],
    ["a vendor without product", { path: "/dev/serial-port-ftdi", "usb-vendor": 0x0403 }, /both usb-vendor and usb-product/],
    ["an interface number alone", { path: "/dev/ttyUSB0", "usb-interface-number": 1 }, /both usb-vendor and usb-product/],
    ["a vendor out of range", { path: "/dev/serial-port-ftdi", "usb-vendor": 0x10000, "usb-product": 1 }, /usb-vendor must be/],
    ["vendor zero", { path: "/dev/serial-port-ftdi", "usb-vendor": 0, "usb-product": 1 }, /usb-vendor must be/],
    ["a vendor as text", { path: "/dev/serial-port-ftdi", "usb-vendor": "0403", "usb-product": 1 }, /usb-vendor must be/],
    ["a bad interface number", { path: "/dev/serial-port-ftdi", "usb-vendor": 1, "usb-product": 1, "usb-interface-number": 32 }, /usb-interface-number/],
    ["a symlink name with a capital", { path: "/dev/serial-port-FTDI", "usb-vendor": 1, "usb-product": 1 }, /serial-port-NAME/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => serialPort.sanitizeSlot!(endpoint("gadget", "serial-port", attrs))).toThrow(AttributeProblem);
    expect(() => serialPort.sanitizeSlot!(endpoint("gadget", "serial-port", attrs))).toThrow(re);
  });

  it.each(["/dev/ttyUSB0", "/dev/ttyACM12", "/dev/ttyS0", "/dev/ttyAMA0", "/dev/ttyXRUSB3", "/dev/ttymxc1", "/dev/ttySC0", "/dev/ttyRPMSG1", "/dev/ttyMAX0", "/dev/ttyUSB01"])("slot accepts %s", (path) => {
    expect(serialPort.sanitizeSlot!(endpoint("gadget", "serial-port", { path }))).toEqual({ path });
  });

  it("grants and tags exactly the named device", () => {
    const ctx = connect(serialPort, {}, { path: "/dev/ttyACM2" });
    expect(devRules(apparmorOf(serialPort, ctx))).toEqual(["/dev/ttyACM2 rwk,"]);
    expect(udevOf(serialPort, ctx)).toEqual(['SUBSYSTEM=="tty", KERNEL=="ttyACM2"']);
    for (const u of udevOf(serialPort, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("tags a USB adapter by vendor and product", () => {
    const ctx = connect(serialPort, {}, { path: "/dev/serial-port-ftdi", "usb-vendor": 0x0403, "usb-product": 0x6001 });
    expect(devRules(apparmorOf(serialPort, ctx))).toEqual(["/dev/tty[A-Z]*[0-9] rwk,"]);
    expect(udevOf(serialPort, ctx)).toEqual(['SUBSYSTEM=="tty", SUBSYSTEMS=="usb", ATTRS{idVendor}=="0403", ATTRS{idProduct}=="6001"']);
    for (const u of udevOf(serialPort, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const withIf = connect(serialPort, {}, { path: "/dev/serial-port-ftdi", "usb-vendor": 0x0403, "usb-product": 0x6001, "usb-interface-number": 2 });
    expect(udevOf(serialPort, withIf)).toEqual(['SUBSYSTEM=="tty", SUBSYSTEMS=="usb", ATTRS{idVendor}=="0403", ATTRS{idProduct}=="6001", ENV{ID_USB_INTERFACE_NUM}=="02"']);
    for (const u of udevOf(serialPort, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("ignores attributes snapd does not check", () => {
    expect(serialPort.sanitizeSlot!(endpoint("gadget", "serial-port", { path: "/dev/ttyUSB0", baud: 9600 }))).toEqual({ path: "/dev/ttyUSB0", baud: 9600 });
  });
});
