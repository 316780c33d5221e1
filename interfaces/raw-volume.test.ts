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
    ["a Xen disk", { path: "/dev/xvda1" }, /disk partition/],
    ["partition 16 of a SCSI disk", { path: "/dev/sda16" }, /disk partition/],
    ["a SCSI disk past sdiv", { path: "/dev/sdiw1" }, /disk partition/],
    ["partition 64", { path: "/dev/vda64" }, /disk partition/],
    ["an unclean path", { path: "/dev//sda1" }, /disk partition/],
    ["a path with ..", { path: "/dev/../dev/sda1" }, /disk partition/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => rawVolume.sanitizeSlot!(endpoint("gadget", "raw-volume", attrs))).toThrow(AttributeProblem);
    expect(() => rawVolume.sanitizeSlot!(endpoint("gadget", "raw-volume", attrs))).toThrow(re);
  });

  it.each(["/dev/sda1", "/dev/sdab12", "/dev/sdiv15", "/dev/vdb3", "/dev/hdt63", "/dev/mmcblk0p1", "/dev/mmcblk999p63", "/dev/nvme0n1p2", "/dev/nvme0p1", "/dev/nvme12n3p63", "/dev/i2o/hddx1"])("slot accepts %s", (path) => {
    expect(rawVolume.sanitizeSlot!(endpoint("gadget", "raw-volume", { path }))).toEqual({ path });
  });

  it("grants and tags exactly the named partition", () => {
    const ctx = connect(rawVolume, {}, { path: "/dev/mmcblk0p3" });
    expect(devRules(apparmorOf(rawVolume, ctx))).toEqual(["/dev/mmcblk0p3 rw,"]);
    expect(udevOf(rawVolume, ctx)).toEqual(['KERNEL=="mmcblk0p3"']);
    for (const u of udevOf(rawVolume, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("grants what snapd's does besides the partition", () => {
    const r = apparmorOf(rawVolume, connect(rawVolume, {}, { path: "/dev/sda1" })).split("\n").map((l) => l.trim());
    for (const rule of ["capability sys_admin,", "/run/udev/data/b[0-9]*:[0-9]* r,", "/sys/devices/**/block/** r,", "/{,usr/}sbin/mkfs.fat ixr,"]) expect(r).toContain(rule);
  });

  it("ignores attributes snapd does not check", () => {
    expect(rawVolume.sanitizeSlot!(endpoint("gadget", "raw-volume", { path: "/dev/sda1", ro: true }))).toEqual({ path: "/dev/sda1", ro: true });
  });
});
