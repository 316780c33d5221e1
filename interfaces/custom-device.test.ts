import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext } from "../src/iface/index.js";
import type { AttrMap, PlugInfo, SnapInfo } from "../src/snap/index.js";
import customDevice from "./custom-device.js";

const slot = (attrs: AttrMap): PlugInfo => ({ snap: "gadget", name: "thermo", interface: "custom-device", attrs, apps: [], hooks: [] });
const snap = (name: string): SnapInfo => ({ name, type: "app", confinement: "strict", environment: {}, apps: {}, hooks: {}, plugs: {}, slots: {} });

describe("custom-device", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["nothing to grant", {}, /needs devices, read-devices or files/],
    ["a device outside /dev", { devices: ["/tmp/x"] }, /must be a device under \/dev\//],
    ["an AppArmor alternation", { devices: ["/dev/{a,b}"] }, /letters, digits/],
    ["a quote", { devices: ['/dev/a"b'] }, /letters, digits/],
    ["a double-star glob", { devices: ["/dev/**"] }, /"\*\*"/],
    ["a .. component", { files: { read: ["/sys/../etc/shadow"] } }, /not a clean path/],
    ["an unknown files key", { files: { exec: ["/bin/sh"] } }, /only have read and write/],
    ["the same device twice", { devices: ["/dev/a"], "read-devices": ["/dev/a"] }, /both devices and read-devices/],
    ["a tagging rule for no device", { devices: ["/dev/a"], "udev-tagging": [{ kernel: "b" }] }, /must name exactly one of the devices/],
    ["a tagging value with a quote", { devices: ["/dev/a"], "udev-tagging": [{ kernel: "a", subsystem: 'x"y' }] }, /not allowed/],
    ["a tagging attribute with rule syntax", { devices: ["/dev/a"], "udev-tagging": [{ kernel: "a", attributes: { "n}": "x" } }] }, /key "n}" is not allowed/],
  ])("refuses %s", (_l, attrs, re) => {
    expect(() => customDevice.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => customDevice.sanitizeSlot!(slot(attrs))).toThrow(re);
  });

  it("grants exactly the declared devices and files, and tags exactly those devices", () => {
    const attrs = customDevice.sanitizeSlot!(slot(customDevice.examples!.slot!));
    const ctx = { slot: slot(attrs), plug: { ...slot({}), snap: "app" }, plugSnap: snap("app"), slotSnap: snap("gadget"), plugRevision: "x1", slotRevision: "x1", plugLabel: '"snap.app.app"', slotLabel: '"snap.gadget.*"', slotIsSystem: false } as ConnectedContext;
    const apparmor = (customDevice.connectedPlug!.apparmor as (c: ConnectedContext) => string)(ctx);
    expect(apparmor.split("\n").slice(1)).toEqual([
      '"/dev/thermo0" rwk,',
      '"/dev/bus/usb/001/*" rwk,',
      '"/dev/input/event[0-9]*" r,',
      '"/sys/class/thermal/thermal_zone0/temp" r,',
      '"/sys/class/leds/status/brightness" rw,',
    ]);
    const udev = (customDevice.connectedPlug!.udev as (c: ConnectedContext) => readonly string[])(ctx);
    // A device in a subdirectory of /dev is also matched by its kernel name, the last part of its path (as snapd does).
    expect(udev).toEqual([
      'KERNEL=="thermo0", SUBSYSTEM=="hwmon", ATTR{name}=="thermo"',
      'KERNEL=="bus/usb/001/*"',
      'KERNEL=="*"',
      'KERNEL=="input/event[0-9]*"',
      'KERNEL=="event[0-9]*"',
    ]);
  });

  const udevFor = (attrs: AttrMap) => {
    const ctx = { slot: slot(customDevice.sanitizeSlot!(slot(attrs))), plug: { ...slot({}), snap: "app" }, plugSnap: snap("app"), slotSnap: snap("gadget"), plugRevision: "x1", slotRevision: "x1", plugLabel: '"snap.app.app"', slotLabel: '"snap.gadget.*"', slotIsSystem: false } as ConnectedContext;
    return (customDevice.connectedPlug!.udev as (c: ConnectedContext) => readonly string[])(ctx);
  };

  it.each<[string, AttrMap, string[]]>([
    ["a device right under /dev", { devices: ["/dev/ttyX0"] }, ['KERNEL=="ttyX0"']],
    ["a device in a subdirectory", { devices: ["/dev/input/event3"] }, ['KERNEL=="input/event3"', 'KERNEL=="event3"']],
    ["a tagging rule for the device's kernel name", { devices: ["/dev/input/event3"], "udev-tagging": [{ kernel: "event3", subsystem: "input" }] }, ['KERNEL=="event3", SUBSYSTEM=="input"']],
    ["a device whose kernel name is another device's path", { devices: ["/dev/event3", "/dev/input/event3"] }, ['KERNEL=="event3"', 'KERNEL=="input/event3"']],
    ["a tagging rule naming its device", { devices: ["/dev/a", "/dev/b"], "udev-tagging": [{ kernel: "a", "for-device": "/dev/b", subsystem: "misc" }] }, ['KERNEL=="a"', 'KERNEL=="a", SUBSYSTEM=="misc"']],
  ])("tags %s as snapd does", (_l, attrs, expected) => {
    expect(udevFor(attrs)).toEqual(expected);
  });

  it("accepts a tagging kernel name that is one device's path and another's last part", () => {
    expect(() => customDevice.sanitizeSlot!(slot({ devices: ["/dev/k", "/dev/x/k"], "udev-tagging": [{ kernel: "k" }] }))).not.toThrow();
  });
});
