import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./optical-drive.js";
import { plugInfo, connectedContext, ruleLines, udevOf as udevOfRole } from "./test-support.js";

const m: InterfaceModule = mod;
const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => plugInfo(snap, m.name, attrs, name);
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;
const udevOf = (c: ConnectedContext): readonly string[] => udevOfRole(m, "connectedPlug", c);

describe("optical-drive", () => {
  it.each([
    [{ write: "yes" }, /must be true or false/],
    [{ write: 1 }, /must be true or false/],
  ])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(re);
  });
  it("reads optical drives only, unless write: true", () => {
    const ro = lines(snippetText(m.connectedPlug!.apparmor, ctx({})));
    expect(ro).toEqual(["/dev/sr[0-9]* r,", "/dev/scd[0-9]* r,", "/dev/sg[0-9]* r,", "@{PROC}/sys/dev/cdrom/info r,", "/run/udev/data/b11:[0-9]* r,"]);
    expect(lines(snippetText(m.connectedPlug!.apparmor, ctx({ write: false })))).toEqual(ro);
    const rw = lines(snippetText(m.connectedPlug!.apparmor, ctx({ write: true })));
    expect(rw).toEqual([...ro, "/dev/sr[0-9]* w,", "/dev/scd[0-9]* w,", "/dev/sg[0-9]* w,"]);
  });
  it("accepts attributes snapd does not check", () => {
    expect(m.sanitizePlug!(endpoint("c", "p", { write: true, other: 1 }))).toEqual({ write: true, other: 1 });
  });
  it("tags optical drives, also as SCSI generic devices", () => {
    expect(udevOf(ctx())).toEqual([`KERNEL=="sr[0-9]*"`, `KERNEL=="scd[0-9]*"`, `SUBSYSTEM=="scsi_generic", SUBSYSTEMS=="scsi", ATTRS{type}=="[45]"`]);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});

