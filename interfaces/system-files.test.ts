import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const rules = ruleLines;
import systemFiles from "./system-files.js";

describe("system-files", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["nothing", {}, /must set "read" or "write"/],
    ["a string instead of a list", { read: "/etc/foo" }, /must be a list/],
    ["a relative path", { read: ["etc/foo"] }, /absolute path/],
    ["the root", { write: ["/"] }, /root directory/],
    ["a glob", { read: ["/etc/*"] }, /not allowed/],
    ["an alternation", { read: ["/etc/{a,b}"] }, /not allowed/],
    ["a variable", { read: ["@{HOME}/x"] }, /absolute path/],
    ["a variable inside", { read: ["/home/@{USER}"] }, /not allowed/],
    ["an injected rule", { write: ["/etc/x rw,\n/** rwx"] }, /not allowed/],
    ["a dot-dot", { read: ["/etc/../root"] }, /not a clean path/],
    ["a trailing slash", { read: ["/etc/foo/"] }, /not a clean path/],
    ["a non-string item", { read: [1] }, /must be a string/],
    ["$HOME", { read: ["/$HOME/x"] }, /not allowed/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => systemFiles.sanitizePlug!(endpoint("app", "system-files", attrs))).toThrow(AttributeProblem);
    expect(() => systemFiles.sanitizePlug!(endpoint("app", "system-files", attrs))).toThrow(re);
  });

  it("grants exactly the named paths", () => {
    const ctx = connect(systemFiles, { read: ["/etc/foo.conf"], write: ["/var/lib/foo"] }, {}, true);
    expect(rules(apparmorOf(systemFiles, ctx))).toEqual(['"/etc/foo.conf{,/,/**}" rk,', '"/var/lib/foo{,/,/**}" rwkl,']);
  });

  it("accepts what snapd accepts: an empty list, other attributes", () => {
    expect(() => systemFiles.sanitizePlug!(endpoint("app", "system-files", { read: [] }))).not.toThrow();
    expect(() => systemFiles.sanitizePlug!(endpoint("app", "system-files", { read: ["/etc/x"], exec: ["/bin/x"] }))).not.toThrow();
  });
});
