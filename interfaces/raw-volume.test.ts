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
import rawVolume from "./raw-volume.js";

describe("raw-volume", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["a whole disk", { path: "/dev/sda" }, /disk partition/],
    ["a whole NVMe namespace", { path: "/dev/nvme0n1" }, /disk partition/],
    ["a whole SD card", { path: "/dev/mmcblk0" }, /disk partition/],
    ["partition zero", { path: "/dev/sda0" }, /disk partition/],
    ["a glob", { path: "/dev/sd*" }, /disk partition/],
    ["a loop device", { path: "/dev/loop0" }, /disk partition/],
    ["an injected rule", { path: "/dev/sda1 rw,\n/** rwx" }, /disk partition/],
    ["an unknown attribute", { path: "/dev/sda1", ro: true }, /unknown attribute "ro"/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => rawVolume.sanitizeSlot!(endpoint("gadget", "raw-volume", attrs))).toThrow(AttributeProblem);
    expect(() => rawVolume.sanitizeSlot!(endpoint("gadget", "raw-volume", attrs))).toThrow(re);
  });

  it.each(["/dev/sda1", "/dev/sdab12", "/dev/vdb3", "/dev/xvda1", "/dev/hdt2", "/dev/mmcblk0p1", "/dev/nvme0n1p2", "/dev/nvme12n3p100"])("slot accepts %s", (path) => {
    expect(rawVolume.sanitizeSlot!(endpoint("gadget", "raw-volume", { path }))).toEqual({ path });
  });

  it("grants and tags exactly the named partition", () => {
    const ctx = connect(rawVolume, {}, { path: "/dev/mmcblk0p3" });
    expect(devRules(apparmorOf(rawVolume, ctx))).toEqual(["/dev/mmcblk0p3 rw,"]);
    expect(udevOf(rawVolume, ctx)).toEqual(['SUBSYSTEM=="block", KERNEL=="mmcblk0p3"']);
    for (const u of udevOf(rawVolume, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
