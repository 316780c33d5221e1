import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, plugInfo as endpoint, snippet, udevOf } from "./test-support.js";
import hidraw from "./hidraw.js";

const sanitize = (attrs: AttrMap) => hidraw.sanitizeSlot!(endpoint("gadget", "hidraw", attrs));
const connect = (slotAttrs: AttrMap) => connectedContext(hidraw, {}, slotAttrs, { slotSnap: "gadget" });
const usb = (vendor: unknown, product: unknown, path = "/dev/hidraw-pad"): AttrMap => ({ path, "usb-vendor": vendor, "usb-product": product }) as AttrMap;

describe("hidraw", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["an empty path", { path: "" }, /must set path/],
    ["a number", { path: 0 }, /must be a string/],
    ["a list", { path: ["/dev/hidraw0"] }, /must be a string/],
    ["another device", { path: "/dev/hid0" }, /hidraw node/],
    ["four digits", { path: "/dev/hidraw9271" }, /hidraw node/],
    ["a relative path", { path: "path" }, /hidraw node/],
    ["a glob", { path: "/dev/hidraw*" }, /hidraw node/],
    ["an alternation", { path: "/dev/hidraw{0,1}" }, /hidraw node/],
    ["a quote", { path: '/dev/hidraw0"' }, /hidraw node/],
    ["an injected rule", { path: "/dev/hidraw0 rw,\n/** rwx" }, /hidraw node/],
    ["a trailing newline", { path: "/dev/hidraw0\n" }, /hidraw node/],
    ["an untidy path", { path: "/dev/./hidraw0" }, /not a clean path.*"\/dev\/hidraw0"/],
    ["a climb out", { path: "/dev/../etc/shadow" }, /not a clean path/],
    ["a climb back in", { path: "/dev/x/../hidraw0" }, /not a clean path/],
    ["a vendor of 0", usb(0, 1), /usb-vendor must be a USB id/],
    ["a negative vendor", usb(-1, 0xffff), /usb-vendor must be a USB id/],
    ["a product out of range", usb(0x1234, 0x10000), /usb-product must be a USB id/],
    ["a vendor as text", usb("0x1234", 1), /usb-vendor must be a USB id/],
    ["a fractional product", usb(1, 1.5), /usb-product must be a USB id/],
    ["a vendor without product", { path: "/dev/hidraw-pad", "usb-vendor": 0x1234 }, /go together/],
    ["a product without vendor", { path: "/dev/hidraw0", "usb-product": 0x1234 }, /go together/],
    ["USB ids with a node path", usb(1, 1, "/dev/hidraw0"), /\/dev\/hidraw-NAME/],
    ["USB ids with another link", usb(0x789a, 0x4321, "/dev/my-device"), /\/dev\/hidraw-NAME/],
    ["a link with capitals", usb(1, 1, "/dev/hidraw-Pad"), /\/dev\/hidraw-NAME/],
    ["a link with a comma", usb(1, 1, "/dev/hidraw-a,b"), /\/dev\/hidraw-NAME/],
    ["a link with a glob", usb(1, 1, "/dev/hidraw-**"), /\/dev\/hidraw-NAME/],
    ["a link under another directory", usb(1, 1, "/dev/hidraw-a/b"), /\/dev\/hidraw-NAME/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(re);
  });

  it.each<AttrMap>([
    { path: "/dev/hidraw0" },
    { path: "/dev/hidraw987" },
    usb(0x0001, 0x0000, "/dev/hidraw-canbus"),
    usb(0xffff, 0xffff, "/dev/hidraw-mydevice"),
    // snapd's hidraw does not read it, so it is neither refused nor used.
    { ...usb(0x0403, 0x6001), "usb-interface-number": 2 },
  ])("slot accepts %j", (attrs) => {
    expect(sanitize(attrs)).toEqual(attrs);
  });

  it.each<[string, AttrMap, string[], string[]]>([
    ["a fixed node", { path: "/dev/hidraw3" }, ["/dev/hidraw3 rw,"], ['SUBSYSTEM=="hidraw", KERNEL=="hidraw3"']],
    [
      "a USB device",
      usb(0x0001, 0x0001, "/dev/hidraw-canbus"),
      ["/dev/hidraw[0-9]{,[0-9],[0-9][0-9]} rw,"],
      ['SUBSYSTEM=="hidraw", SUBSYSTEMS=="usb", ATTRS{idVendor}=="0001", ATTRS{idProduct}=="0001"'],
    ],
    [
      "a USB device with high ids",
      usb(0xffff, 0xabcd),
      ["/dev/hidraw[0-9]{,[0-9],[0-9][0-9]} rw,"],
      ['SUBSYSTEM=="hidraw", SUBSYSTEMS=="usb", ATTRS{idVendor}=="ffff", ATTRS{idProduct}=="abcd"'],
    ],
  ])("grants and tags %s", (_l, attrs, dev, udev) => {
    const ctx = connect(attrs);
    expect(devRuleLines(snippet(hidraw, "connectedPlug", ctx))).toEqual(dev);
    expect(udevOf(hidraw, "connectedPlug", ctx)).toEqual(udev);
    for (const u of udev) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("refuses to render a slot that slipped past the sanitizer", () => {
    expect(() => snippet(hidraw, "connectedPlug", connect({ path: "/dev/hidraw0, /** rwx" }))).toThrow(AttributeProblem);
    expect(() => udevOf(hidraw, "connectedPlug", connect({ path: '/dev/hidraw0", RUN+="x' }))).toThrow(AttributeProblem);
  });
});
