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
import cups from "./cups.js";

describe("cups", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["a path outside the snap's data", { "cups-socket-directory": "/run/cups" }, /\$SNAP_DATA, \$SNAP_COMMON or a directory under them/],
    ["$SNAP itself", { "cups-socket-directory": "$SNAP/run" }, /\$SNAP_DATA, \$SNAP_COMMON or a directory under them/],
    ["an escape", { "cups-socket-directory": "$SNAP_COMMON/../../x" }, /not a clean path/],
    ["a glob", { "cups-socket-directory": "$SNAP_COMMON/*" }, /not allowed/],
    ["an unknown attribute", { socket: "x" }, /unknown attribute "socket"/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => cups.sanitizeSlot!(endpoint("provider", "cups", attrs))).toThrow(AttributeProblem);
    expect(() => cups.sanitizeSlot!(endpoint("provider", "cups", attrs))).toThrow(re);
  });

  it("reaches the provider's socket and binds its directory over /run/cups", () => {
    const ctx = connect(cups, {}, { "cups-socket-directory": "$SNAP_COMMON/run" });
    expect(rules(apparmorOf(cups, ctx))).toContain("/var/snap/provider/common/run/cups.sock rw,");
    expect(cups.connectedPlug!.mount!(ctx)).toEqual([{ source: "/var/snap/provider/common/run", target: "/run/cups", readOnly: false }]);
    expect(cups.connectedPlug!.mount!(connect(cups, {}, {}))).toEqual([]);
  });
});
