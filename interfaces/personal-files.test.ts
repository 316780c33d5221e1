import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule, type PermanentContext } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { parseSnapYaml, type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./personal-files.js";

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
      "owner @{HOME}/.aws rk,",
      "owner @{HOME}/.aws/ r,",
      "owner @{HOME}/.aws/** rk,",
      "owner @{HOME}/.config/doctl rwkl,",
      "owner @{HOME}/.config/doctl/ rw,",
      "owner @{HOME}/.config/doctl/** rwkl,",
    ]);
  });
  it("checks paths again where they land in a rule", () => {
    expect(() => snippetText(m.connectedPlug!.apparmor, ctx({ read: ["$HOME/a b"] }))).toThrow(/not a clean absolute path/);
  });
});

