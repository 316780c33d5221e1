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
import i2c from "./i2c.js";

describe("i2c", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["nothing", {}, /exactly one of path and sysfs-name/],
    ["both", { path: "/dev/i2c-1", "sysfs-name": "1-0050" }, /exactly one of path and sysfs-name/],
    ["a non-i2c node", { path: "/dev/sda" }, /not an I2C adapter node/],
    ["a glob", { path: "/dev/i2c-*" }, /not an I2C adapter node/],
    ["a trailing rule", { path: "/dev/i2c-1 rw,\n/** rwx" }, /not an I2C adapter node/],
    ["a sysfs-name with a slash", { "sysfs-name": "../../kernel" }, /not a device name/],
    ["a sysfs-name with a brace", { "sysfs-name": "{a,b}" }, /not a device name/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => i2c.sanitizeSlot!(endpoint("gadget", "i2c", attrs))).toThrow(AttributeProblem);
    expect(() => i2c.sanitizeSlot!(endpoint("gadget", "i2c", attrs))).toThrow(re);
  });

  it("grants and tags exactly the adapter named by path", () => {
    const ctx = connect(i2c, {}, { path: "/dev/i2c-3" });
    const r = rules(apparmorOf(i2c, ctx));
    expect(r).toEqual(["/dev/i2c-3 rw,", "/sys/devices/platform/{*,**.i2c}/i2c-3/** rw,"]);
    expect(r.filter((l) => l.startsWith("/dev/"))).toEqual(["/dev/i2c-3 rw,"]);
    expect(udevOf(i2c, ctx)).toEqual(['KERNEL=="i2c-3"']);
    for (const u of udevOf(i2c, ctx)) expect(safeUdevMatch(u, "test")).toBe(u);
  });

  it("grants one device's sysfs directory for sysfs-name, and no device node", () => {
    const ctx = connect(i2c, {}, { "sysfs-name": "1-0050" });
    const r = rules(apparmorOf(i2c, ctx));
    expect(r).toEqual(["/sys/bus/i2c/devices/1-0050/** rw,"]);
    expect(r.some((l) => l.startsWith("/dev/"))).toBe(false);
    expect(udevOf(i2c, ctx)).toEqual([]);
  });

  it.each<[string, AttrMap]>([
    ["another attribute", { path: "/dev/i2c-1", mode: "rw" }],
    ["a sysfs-name starting with an underscore", { "sysfs-name": "_bus" }],
  ])("slot accepts %s, as snapd does", (_l, attrs) => {
    expect(() => i2c.sanitizeSlot!(endpoint("gadget", "i2c", attrs))).not.toThrow();
  });
});
