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
import uio from "./uio.js";

describe("uio", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["a glob", { path: "/dev/uio*" }, /userspace I\/O device/],
    ["another device", { path: "/dev/mem" }, /userspace I\/O device/],
    ["a leading zero", { path: "/dev/uio01" }, /userspace I\/O device/],
    ["an injected rule", { path: "/dev/uio0 rw,\n/** rwx" }, /userspace I\/O device/],
    ["an unknown attribute", { path: "/dev/uio0", irq: 3 }, /unknown attribute "irq"/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => uio.sanitizeSlot!(endpoint("gadget", "uio", attrs))).toThrow(AttributeProblem);
    expect(() => uio.sanitizeSlot!(endpoint("gadget", "uio", attrs))).toThrow(re);
  });

  it("grants and tags exactly the named device", () => {
    const ctx = connect(uio, {}, { path: "/dev/uio4" });
    expect(devRules(apparmorOf(uio, ctx))).toEqual(["/dev/uio4 rwm,"]);
    expect(rules(apparmorOf(uio, ctx)).filter((l) => l.includes("/uio/uio"))).toEqual(["/sys/devices/**/uio/uio4/ r,", "/sys/devices/**/uio/uio4/** r,"]);
    expect(udevOf(uio, ctx)).toEqual(['SUBSYSTEM=="uio", KERNEL=="uio4"']);
    for (const u of udevOf(uio, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
