import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule, type PermanentContext } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { parseSnapYaml, type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./lxd-support.js";

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


describe("lxd-support", () => {
  it.each([
    [{ "enable-unconfined-mode": "yes" }, /must be true or false/],
    [{ privileged: true }, /unknown attribute "privileged"/],
  ])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(re);
  });
  it("allows changing to unconfined only when asked", () => {
    expect(snippetText(m.connectedPlug!.apparmor, ctx({}))).not.toContain("-> unconfined");
    expect(snippetText(m.connectedPlug!.apparmor, ctx({ "enable-unconfined-mode": true }))).toContain("-> unconfined");
  });
});

