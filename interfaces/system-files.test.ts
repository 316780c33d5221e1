import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap, PlugInfo, SnapInfo } from "../src/snap/index.js";

const endpoint = (snap: string, iface: string, attrs: AttrMap): PlugInfo => ({ snap, name: "x", interface: iface, attrs, apps: [], hooks: [] });
const snap = (name: string): SnapInfo => ({ name, type: "app", confinement: "strict", environment: {}, apps: {}, hooks: {}, plugs: {}, slots: {} });
/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false): ConnectedContext => ({
  plug: endpoint("app", m.name, plugAttrs),
  slot: endpoint(system ? "core" : "gadget", m.name, slotAttrs),
  plugSnap: snap("app"),
  slotSnap: snap(system ? "core" : "gadget"),
  plugRevision: "x1",
  slotRevision: "x2",
  plugLabel: '"snap.app.app"',
  slotLabel: system ? '"unconfined"' : '"snap.gadget.*"',
  slotIsSystem: system,
});
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippetText(m.connectedPlug?.apparmor, ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => {
  const u = m.connectedPlug?.udev;
  return typeof u === "function" ? u(ctx) : (u ?? []);
};
/** The rule lines of a snippet, without comments and blank lines. */
const rules = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const devRules = (text: string) => rules(text).filter((l) => l.startsWith("/dev/"));
void AttributeProblem; void safeUdevMatch; void rules; void devRules; void udevOf; void apparmorOf; void connect;
import systemFiles from "./system-files.js";

describe("system-files", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["nothing", {}, /must set "read" or "write"/],
    ["empty lists", { read: [], write: [] }, /must set "read" or "write"/],
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
    ["an unknown attribute", { read: ["/etc/x"], exec: ["/bin/x"] }, /unknown attribute "exec"/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => systemFiles.sanitizePlug!(endpoint("app", "system-files", attrs))).toThrow(AttributeProblem);
    expect(() => systemFiles.sanitizePlug!(endpoint("app", "system-files", attrs))).toThrow(re);
  });

  it("grants exactly the named paths", () => {
    const ctx = connect(systemFiles, { read: ["/etc/foo.conf"], write: ["/var/lib/foo"] }, {}, true);
    expect(rules(apparmorOf(systemFiles, ctx))).toEqual([
      "/etc/foo.conf r,",
      "/etc/foo.conf/ r,",
      "/etc/foo.conf/** r,",
      "/var/lib/foo rwkl,",
      "/var/lib/foo/ rw,",
      "/var/lib/foo/** rwkl,",
    ]);
  });
});
