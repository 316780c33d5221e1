import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet } from "./test-support.js";

/** app:x connected to provider:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const rules = ruleLines;
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

  it("grants serving sockets always, namespaces and chroot only with allow-sandbox", () => {
    const without = connect(browserSupport, { "allow-sandbox": false }, {}, true);
    const withSandbox = connect(browserSupport, { "allow-sandbox": true }, {}, true);
    expect(apparmorOf(browserSupport, without)).not.toMatch(/capability sys_admin/);
    const serving = ["bind", "listen", "accept", "accept4"];
    expect(rules(snippetText(browserSupport.connectedPlug!.seccomp, without))).toEqual(serving);
    expect(apparmorOf(browserSupport, withSandbox)).toMatch(/capability sys_admin,/);
    expect(rules(snippetText(browserSupport.connectedPlug!.seccomp, withSandbox))).toEqual([...serving, "clone", "unshare", "setns", "chroot"]);
  });
});
