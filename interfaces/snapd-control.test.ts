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
import snapdControl from "./snapd-control.js";

describe("snapd-control", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["another schedule", { "refresh-schedule": "daily" }, /must be "managed"/],
    ["a boolean", { "refresh-schedule": true }, /must be "managed"/],
    ["an unknown attribute", { admin: true }, /unknown attribute "admin"/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => snapdControl.sanitizePlug!(endpoint("app", "snapd-control", attrs))).toThrow(AttributeProblem);
    expect(() => snapdControl.sanitizePlug!(endpoint("app", "snapd-control", attrs))).toThrow(re);
  });

  it("grants the API socket only", () => {
    expect(rules(apparmorOf(snapdControl, connect(snapdControl, {}, {}, true)))).toEqual(["/run/snapd.socket rw,"]);
  });
});
