import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./microceph-support.js";
import { connectedContext, plugInfo, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (attrs: AttrMap = {}) => connectedContext(m, attrs, {}, { system: true });
const rules = (attrs: AttrMap = {}) => ruleLines(snippet(m, "connectedPlug", ctx(attrs)));
const syscalls = (attrs: AttrMap = {}) => ruleLines(seccompOf(m, "connectedPlug", ctx(attrs)));

describe("microceph-support", () => {
  it.each([
    ["/dev/sd{,[a-z]}[a-z][0-9]{,[0-9],[0-9][0-9]} rwk,"],
    ["/dev/nvme{[0-9],[1-9][0-9]}n{[1-9],[1-5][0-9],6[0-3]}p[0-9]{,[0-9],[0-9][0-9]} rwk,"],
    ["/dev/dm-[0-9]{,[0-9],[0-9][0-9]} rwk,"],
    ["/sys/bus/rbd/add rwk,"],
    ["/sys/bus/rbd/devices/** rwk,"],
    ["deny /usr/bin/sudo x,"],
  ])("grants %s", (rule) => {
    expect(rules()).toContain(rule);
  });

  it.each([
    [{}, false],
    [{ "user-identity-switching": false }, false],
    [{ "user-identity-switching": true }, true],
  ])("with %j, switching users: %s", (attrs, switches) => {
    expect(rules(attrs).includes("capability setuid,")).toBe(switches);
    expect(rules(attrs).includes("capability setgid,")).toBe(switches);
    expect(syscalls(attrs)).toEqual(switches ? ["setgroups", "setgroups32"] : []);
  });

  it.each([
    ["a string", "true"],
    ["a number", 1],
    ["a list", [true]],
    ["a string with a newline", "true\ncapability sys_admin,"],
  ])("refuses user-identity-switching as %s", (_what, value) => {
    const p = plugInfo("microceph", m.name, { "user-identity-switching": value } as AttrMap, "p");
    expect(() => m.sanitizePlug!(p)).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(p)).toThrow(/user-identity-switching must be true or false/);
  });

  it("keeps other attributes, as snapd does", () => {
    expect(m.sanitizePlug!(plugInfo("microceph", m.name, { "user-identity-switching": true, other: "x" }, "p"))).toEqual({ "user-identity-switching": true, other: "x" });
  });
});
