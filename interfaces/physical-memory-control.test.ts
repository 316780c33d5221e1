import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule, type PermanentContext } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { parseSnapYaml, type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./physical-memory-control.js";

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


describe("physical-memory-control", () => {
  it("tags exactly the intended devices, with acceptable udev matches", () => {
    expect(udevOf(ctx())).toEqual(['KERNEL=="mem"']);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
  it("grants exactly the intended device nodes", () => {
    const devs = lines(snippetText(m.connectedPlug!.apparmor, ctx())).filter((l) => l.startsWith("/dev/"));
    expect(devs).toEqual(['/dev/mem rw,']);
  });
});

