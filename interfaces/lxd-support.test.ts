import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./lxd-support.js";
import { plugInfo, connectedContext } from "./test-support.js";

const m: InterfaceModule = mod;
const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => plugInfo(snap, m.name, attrs, name);
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);

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

