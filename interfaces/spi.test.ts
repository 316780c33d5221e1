import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, plugInfo as endpoint, ruleLines, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const rules = ruleLines;
const devRules = devRuleLines;
import spi from "./spi.js";

describe("spi", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["no chip select", { path: "/dev/spidev0" }, /SPI device/],
    ["a glob", { path: "/dev/spidev*.*" }, /SPI device/],
    ["another device", { path: "/dev/mem" }, /SPI device/],
    ["an injected rule", { path: "/dev/spidev0.0 rw,\n/** rwx" }, /SPI device/],
    ["a number", { path: 0 }, /SPI device/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => spi.sanitizeSlot!(endpoint("gadget", "spi", attrs))).toThrow(AttributeProblem);
    expect(() => spi.sanitizeSlot!(endpoint("gadget", "spi", attrs))).toThrow(re);
  });

  it("grants and tags exactly the named device", () => {
    const ctx = connect(spi, {}, { path: "/dev/spidev1.2" });
    expect(devRules(apparmorOf(spi, ctx))).toEqual(["/dev/spidev1.2 rw,"]);
    expect(rules(apparmorOf(spi, ctx)).join("\n")).not.toMatch(/spidev1\.[013-9]|spidev[02-9]/);
    expect(rules(apparmorOf(spi, ctx))).toContain("/sys/devices/platform/**/**.spi/**/{spidev,spi}1.2/** rw,");
    expect(udevOf(spi, ctx)).toEqual(['KERNEL=="spidev1.2"']);
    for (const u of udevOf(spi, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("ignores attributes snapd does not check", () => {
    expect(spi.sanitizeSlot!(endpoint("gadget", "spi", { path: "/dev/spidev0.0", speed: 1 }))).toEqual({ path: "/dev/spidev0.0", speed: 1 });
  });
});
