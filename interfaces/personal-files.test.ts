import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./personal-files.js";
import { plugInfo, connectedContext, ruleLines } from "./test-support.js";

const m: InterfaceModule = mod;
const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => plugInfo(snap, m.name, attrs, name);
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;

describe("personal-files", () => {
  it.each([
    [{}, /must set "read" or "write"/],
    [{ read: "$HOME/.foo" }, /must be a list/],
    [{ read: ["/etc/passwd"] }, /must start with "\$HOME\/"/],
    [{ read: ["$HOME"] }, /must start with/],
    [{ read: ["$HOME/"] }, /not \$HOME itself/],
    [{ write: ["$HOME/../root"] }, /not a clean path/],
    [{ write: ["$HOME/./x"] }, /not a clean path/],
    [{ write: ["$HOME/a//b"] }, /not a clean path/],
    [{ write: ["$HOME/a/"] }, /not a clean path/],
    [{ read: ["$HOME/*"] }, /not allowed/],
    [{ read: ["$HOME/{a,b}"] }, /not allowed/],
    [{ read: ["$HOME/a b"] }, /not allowed/],
    [{ read: ["$HOME/a\n/** rwx"] }, /not allowed/],
    [{ read: ["$HOME/a,"] }, /not allowed/],
    [{ read: ["$HOME/$HOME/x"] }, /not allowed/],
    [{ read: ["$HOME/@{HOME}"] }, /not allowed/],
    [{ read: [3] }, /must be a string/],
  ])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(re);
  });
  it("accepts the example and real-world paths", () => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", m.examples!.plug!))).not.toThrow();
    expect(() => m.sanitizePlug!(endpoint("c", "p", { write: ["$HOME/.kube/config", "$HOME/.kube/config.lock"] }))).not.toThrow();
  });
  it("grants exactly the named paths, read-only or writable, for the owner", () => {
    const text = snippetText(m.connectedPlug!.apparmor, ctx({ read: ["$HOME/.aws"], write: ["$HOME/.config/doctl"] }));
    expect(lines(text)).toEqual([
      'owner "@{HOME}/.aws{,/,/**}" rk,',
      'owner "@{HOME}/.config/doctl{,/,/**}" rwkl,',
    ]);
  });
  it("checks paths again where they land in a rule", () => {
    expect(() => snippetText(m.connectedPlug!.apparmor, ctx({ read: ["$HOME/a b"] }))).toThrow(/not a clean absolute path/);
  });
});

