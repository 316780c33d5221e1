import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to provider:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const rules = ruleLines;
import iio from "./iio.js";

describe("iio", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["another device", { path: "/dev/ttyUSB0" }, /not an IIO device node/],
    ["a glob", { path: "/dev/iio:device*" }, /not an IIO device node/],
    ["a number", { path: 0 }, /must be a string/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => iio.sanitizeSlot!(endpoint("gadget", "iio", attrs))).toThrow(AttributeProblem);
    expect(() => iio.sanitizeSlot!(endpoint("gadget", "iio", attrs))).toThrow(re);
  });

  it("grants and tags exactly the one device", () => {
    const ctx = connect(iio, {}, { path: "/dev/iio:device2" });
    const r = rules(apparmorOf(iio, ctx));
    expect(r.filter((l) => l.startsWith("/dev/"))).toEqual(["/dev/iio:device2 rw,"]);
    expect(r.every((l) => !l.includes("iio:device") || l.includes("iio:device2"))).toBe(true);
    expect(udevOf(iio, ctx)).toEqual(['KERNEL=="iio:device2"']);
    for (const u of udevOf(iio, ctx)) expect(safeUdevMatch(u, "test")).toBe(u);
  });

  it("grants snapd's sysfs rules for the device, by bus name and device path", () => {
    const r = rules(apparmorOf(iio, connect(iio, {}, { path: "/dev/iio:device2" })));
    expect(r).toEqual([
      "/dev/iio:device2 rw,",
      "/sys/bus/iio/devices/iio:device2/ r,",
      "/sys/bus/iio/devices/iio:device2/** rwk,",
      "/sys/devices/**/iio:device2/** rwk,",
      "/sys/devices/**/iio:device2/ r,",
    ]);
    expect(r).not.toContain("/sys/bus/iio/devices/ r,");
  });

  it("accepts other attributes, as snapd does", () => {
    expect(() => iio.sanitizeSlot!(endpoint("gadget", "iio", { path: "/dev/iio:device0", name: "accel" }))).not.toThrow();
  });
});
