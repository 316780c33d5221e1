import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo, ruleLines, snippet } from "./test-support.js";
import confdb from "./confdb.js";

const sanitize = (attrs: AttrMap) => confdb.sanitizePlug(plugInfo("app", "confdb", attrs));
const ok: AttrMap = { account: "acme", view: "network/wifi-setup" };

describe("confdb", () => {
  it.each<[string, AttrMap]>([
    ["an account name and a view", ok],
    ["a store account id", { ...ok, account: "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF" }],
    ["the custodian role", { ...ok, role: "custodian" }],
    ["the system account without a role", { account: "system", view: "network/wifi-setup" }],
    ["a role that is not a string, which snapd does not look at", { ...ok, role: 5 }],
    ["other attributes, which snapd ignores", { ...ok, extra: "x" }],
  ])("accepts %s", (_l, attrs) => expect(sanitize(attrs)).toEqual(attrs));

  it.each<[string, AttrMap, RegExp]>([
    ["no account", { view: "a/b" }, /account must be set/],
    ["an empty account", { account: "", view: "a/b" }, /account must be set/],
    ["an account that is not a string", { account: 7, view: "a/b" }, /account must be set/],
    ["an account with capitals", { account: "Acme", view: "a/b" }, /not an account id/],
    ["a one-letter account", { account: "a", view: "a/b" }, /not an account id/],
    ["an account with a slash", { account: "../x", view: "a/b" }, /not an account id/],
    ["no view", { account: "acme" }, /view must be set/],
    ["a view that is a list", { account: "acme", view: ["a/b"] }, /view must be set/],
    ["a view without a slash", { account: "acme", view: "network" }, /separated by a single "\/"/],
    ["a view with two slashes", { account: "acme", view: "a/b/c" }, /separated by a single "\/"/],
    ["a view that climbs", { account: "acme", view: "../b" }, /confdb name "\.\." is not/],
    ["a view name with a brace", { account: "acme", view: "a/{b}" }, /view name "\{b\}" is not/],
    ["a view name with a comma", { account: "acme", view: "a/b,c" }, /view name "b,c" is not/],
    ["a view name with a quote", { account: "acme", view: 'a/b"' }, /view name/],
    ["a view name with a newline", { account: "acme", view: "a/b\nc" }, /view name/],
    ["a view name with a glob", { account: "acme", view: "a/**" }, /view name/],
    ["a doubled hyphen", { account: "acme", view: "a--b/c" }, /confdb name/],
    ["a trailing hyphen", { account: "acme", view: "a/c-" }, /view name/],
    ["a leading digit", { account: "acme", view: "1a/c" }, /confdb name/],
    ["another role", { ...ok, role: "owner" }, /is not "custodian"/],
    ["a custodian of the system account", { account: "system", view: "a/b", role: "custodian" }, /not available for the "system" account/],
  ])("refuses %s", (_l, attrs, re) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(re);
  });

  it("reaches the daemon for snapctl, and auto-connects only to the publisher's own schemas", () => {
    expect(ruleLines(snippet(confdb, "connectedPlug", connectedContext(confdb, ok, {}, { system: true })))).toEqual(["/run/snapd.socket rw,", "/run/plugboard.socket rw,"]);
    expect(confdb.baseDeclaration.plugs).toEqual({ "allow-auto-connection": { "plug-attributes": { account: "$PLUG_PUBLISHER_ID" } } });
  });
});
