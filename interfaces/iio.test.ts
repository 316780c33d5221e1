import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap, PlugInfo, SnapInfo } from "../src/snap/index.js";

const endpoint = (snap: string, iface: string, attrs: AttrMap): PlugInfo => ({ snap, name: "x", interface: iface, attrs, apps: [], hooks: [] });
const snap = (name: string): SnapInfo => ({ name, type: "app", confinement: "strict", environment: {}, apps: {}, hooks: {}, plugs: {}, slots: {} });
/** A connection of app:x to provider:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false): ConnectedContext => ({
  plug: endpoint("app", m.name, plugAttrs),
  slot: endpoint(system ? "core" : "provider", m.name, slotAttrs),
  plugSnap: snap("app"),
  slotSnap: snap(system ? "core" : "provider"),
  plugRevision: "x1",
  slotRevision: "x2",
  plugLabel: '"snap.app.app"',
  slotLabel: system ? '"unconfined"' : '"snap.provider.*"',
  slotIsSystem: system,
});
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippetText(m.connectedPlug?.apparmor, ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => {
  const u = m.connectedPlug?.udev;
  return typeof u === "function" ? u(ctx) : (u ?? []);
};
/** The rule lines of a snippet, without comments and blank lines. */
const rules = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
void AttributeProblem; void safeUdevMatch; void rules;
import iio from "./iio.js";

describe("iio", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["another device", { path: "/dev/ttyUSB0" }, /not an IIO device node/],
    ["a glob", { path: "/dev/iio:device*" }, /not an IIO device node/],
    ["a number", { path: 0 }, /must be a string/],
    ["an unknown attribute", { path: "/dev/iio:device0", name: "accel" }, /unknown attribute "name"/],
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
});
