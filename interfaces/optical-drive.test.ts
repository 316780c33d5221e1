import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule, type PermanentContext } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { parseSnapYaml, type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./optical-drive.js";

const m: InterfaceModule = mod;

const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => ({ snap, name, interface: m.name, attrs, apps: ["one"], hooks: [] });
const snapInfo = (name: string) => parseSnapYaml(`name: ${name}\nversion: "1"\napps:\n  one:\n    command: bin/one\n`, { file: name });
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => ({
  plug: endpoint("c", "p", plugAttrs),
  slot: endpoint("s", "s", slotAttrs),
  plugSnap: snapInfo("c"),
  slotSnap: snapInfo("s"),
  plugRevision: "1",
  slotRevision: "2",
  plugLabel: "\"snap.c.one\"",
  slotLabel: "\"snap.s.one\"",
  slotIsSystem: false,
});
const permanent = (attrs: AttrMap = {}): PermanentContext => ({ endpoint: endpoint("s", "s", attrs), snap: snapInfo("s"), revision: "2" });
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const udevOf = (c: ConnectedContext): readonly string[] => {
  const u = m.connectedPlug?.udev ?? [];
  return typeof u === "function" ? u(c) : u;
};
void AttributeProblem; void permanent; void lines; void udevOf; void safeUdevMatch; void snippetText;


describe("optical-drive", () => {
  it.each([
    [{ write: "yes" }, /must be true or false/],
    [{ write: 1 }, /must be true or false/],
    [{ device: "/dev/sr0" }, /unknown attribute "device"/],
  ])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(re);
  });
  it("reads optical drives only, unless write: true", () => {
    const ro = lines(snippetText(m.connectedPlug!.apparmor, ctx({})));
    expect(ro).toEqual(["/dev/sr[0-9]* r,", "/dev/scd[0-9]* r,", "@{PROC}/sys/dev/cdrom/info r,", "/run/udev/data/b11:[0-9]* r,"]);
    expect(lines(snippetText(m.connectedPlug!.apparmor, ctx({ write: false })))).toEqual(ro);
    const rw = lines(snippetText(m.connectedPlug!.apparmor, ctx({ write: true })));
    expect(rw).toEqual([...ro, "/dev/sr[0-9]* w,", "/dev/scd[0-9]* w,"]);
  });
  it("tags only SCSI optical block devices", () => {
    expect(udevOf(ctx())).toEqual([`SUBSYSTEM=="block", KERNEL=="sr[0-9]*"`, `SUBSYSTEM=="block", KERNEL=="scd[0-9]*"`]);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});

