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
import browserSupport from "./browser-support.js";

describe("browser-support", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["a string", { "allow-sandbox": "yes" }, /must be true or false/],
    ["an unknown attribute", { sandbox: true }, /unknown attribute "sandbox"/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => browserSupport.sanitizePlug!(endpoint("app", "browser-support", attrs))).toThrow(AttributeProblem);
    expect(() => browserSupport.sanitizePlug!(endpoint("app", "browser-support", attrs))).toThrow(re);
  });

  it("fills in allow-sandbox: false", () => {
    expect(browserSupport.sanitizePlug!(endpoint("app", "browser-support", {}))).toEqual({ "allow-sandbox": false });
  });

  it("grants namespaces and chroot only with allow-sandbox", () => {
    const without = connect(browserSupport, { "allow-sandbox": false }, {}, true);
    const withSandbox = connect(browserSupport, { "allow-sandbox": true }, {}, true);
    expect(apparmorOf(browserSupport, without)).not.toMatch(/capability sys_admin/);
    expect(snippetText(browserSupport.connectedPlug!.seccomp, without)).toBe("");
    expect(apparmorOf(browserSupport, withSandbox)).toMatch(/capability sys_admin,/);
    expect(rules(snippetText(browserSupport.connectedPlug!.seccomp, withSandbox))).toEqual(["clone", "unshare", "setns", "chroot"]);
  });
});
