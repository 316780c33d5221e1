import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap, SnapInfo } from "../src/snap/index.js";
import { bareSnap, connectedContext, plugInfo, ruleLines, snippet } from "./test-support.js";
import m from "./snap-interfaces-requests-control.js";

const plug = (attrs: AttrMap) => plugInfo("app", m.name, attrs);
const app = (name: string, daemon?: "simple") => ({ name, ...(daemon ? { daemon } : {}), plugs: [], slots: [], environment: {} });
const snap: SnapInfo = { ...bareSnap("app"), apps: { ui: app("ui"), handler: app("handler", "simple") } };

describe("snap-interfaces-requests-control", () => {
  it.each<[string, AttrMap]>([
    ["no attribute", {}],
    ["an empty handler-service", { "handler-service": "" }],
    ["an app name", { "handler-service": "prompt-handler" }],
    ["other attributes, which snapd ignores", { other: 1 }],
  ])("accepts %s", (_l, attrs) => expect(m.sanitizePlug(plug(attrs))).toEqual(attrs));

  it.each<[string, AttrMap, RegExp]>([
    ["a number", { "handler-service": 123.2 }, /must be a string/],
    ["a list", { "handler-service": ["handler"] }, /must be a string/],
    ["a boolean", { "handler-service": true }, /must be a string/],
    ["a path", { "handler-service": "../handler" }, /not an app name/],
    ["AppArmor syntax", { "handler-service": "a,b" }, /not an app name/],
    ["a brace", { "handler-service": "h{x}" }, /not an app name/],
    ["a quote", { "handler-service": 'h"' }, /not an app name/],
    ["a newline", { "handler-service": "h\nx" }, /not an app name/],
    ["a glob", { "handler-service": "**" }, /not an app name/],
  ])("refuses %s", (_l, attrs, re) => {
    expect(() => m.sanitizePlug(plug(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug(plug(attrs))).toThrow(re);
  });

  it("checks the named app against the snap when it is known", () => {
    expect(m.sanitizePlug(plug({ "handler-service": "handler" }), snap)).toEqual({ "handler-service": "handler" });
    expect(() => m.sanitizePlug(plug({ "handler-service": "missing" }), snap)).toThrow(/names no app of snap "app"/);
    expect(() => m.sanitizePlug(plug({ "handler-service": "ui" }), snap)).toThrow(/is not a service/);
  });

  it("grants the daemon's sockets and the shell's prompting object on the session bus", () => {
    const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
    expect(rules).toContain("/run/snapd.socket rw,");
    expect(rules).toContain("/run/plugboard.socket rw,");
    expect(rules).toContain("owner /{,var/}run/user/[0-9]*/bus rw,");
    expect(rules).toContain(
      "dbus (send) bus=session path=/com/canonical/Shell/PermissionPrompting interface={com.canonical.Shell.PermissionPrompting,org.freedesktop.DBus.Properties} peer=(name=com.canonical.Shell.PermissionPrompting),",
    );
    expect(rules.filter((r) => r.includes("bus=system"))).toEqual([]);
  });
});
