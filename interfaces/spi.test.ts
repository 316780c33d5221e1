import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap, PlugInfo, SnapInfo } from "../src/snap/index.js";

const endpoint = (snap: string, iface: string, attrs: AttrMap): PlugInfo => ({ snap, name: "x", interface: iface, attrs, apps: [], hooks: [] });
const snap = (name: string): SnapInfo => ({ name, type: "app", confinement: "strict", environment: {}, apps: {}, hooks: {}, plugs: {}, slots: {} });
/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false): ConnectedContext => ({
  plug: endpoint("app", m.name, plugAttrs),
  slot: endpoint(system ? "core" : "gadget", m.name, slotAttrs),
  plugSnap: snap("app"),
  slotSnap: snap(system ? "core" : "gadget"),
  plugRevision: "x1",
  slotRevision: "x2",
  plugLabel: '"snap.app.app"',
  slotLabel: system ? '"unconfined"' : '"snap.gadget.*"',
  slotIsSystem: system,
});
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippetText(m.connectedPlug?.apparmor, ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => {
  const u = m.connectedPlug?.udev;
  return typeof u === "function" ? u(ctx) : (u ?? []);
};
/** The rule lines of a snippet, without comments and blank lines. */
const rules = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const devRules = (text: string) => rules(text).filter((l) => l.startsWith("/dev/"));
void AttributeProblem; void safeUdevMatch; void rules; void devRules; void udevOf; void apparmorOf; void connect;
import spi from "./spi.js";

describe("spi", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["no chip select", { path: "/dev/spidev0" }, /SPI device/],
    ["a glob", { path: "/dev/spidev*.*" }, /SPI device/],
    ["another device", { path: "/dev/mem" }, /SPI device/],
    ["an injected rule", { path: "/dev/spidev0.0 rw,\n/** rwx" }, /SPI device/],
    ["a number", { path: 0 }, /SPI device/],
    ["an unknown attribute", { path: "/dev/spidev0.0", speed: 1 }, /unknown attribute "speed"/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => spi.sanitizeSlot!(endpoint("gadget", "spi", attrs))).toThrow(AttributeProblem);
    expect(() => spi.sanitizeSlot!(endpoint("gadget", "spi", attrs))).toThrow(re);
  });

  it("grants and tags exactly the named device", () => {
    const ctx = connect(spi, {}, { path: "/dev/spidev1.2" });
    expect(devRules(apparmorOf(spi, ctx))).toEqual(["/dev/spidev1.2 rw,"]);
    expect(rules(apparmorOf(spi, ctx)).join("\n")).not.toMatch(/spidev1\.[013-9]|spidev[02-9]/);
    expect(udevOf(spi, ctx)).toEqual(['SUBSYSTEM=="spidev", KERNEL=="spidev1.2"']);
    for (const u of udevOf(spi, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
