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
