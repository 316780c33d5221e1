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
import hardwareObserve from "./hardware-observe.js";

describe("hardware-observe", () => {
  it("only reads: no file rule grants write, lock or link, and no device node is granted", () => {
    const r = rules(apparmorOf(hardwareObserve, connect(hardwareObserve, {}, {}, true)));
    const fileRules = r.filter((l) => l.startsWith("/") || l.startsWith("@{PROC}"));
    expect(fileRules.length).toBeGreaterThan(10);
    for (const l of fileRules) expect(l, l).toMatch(/ (r|ixr),$/);
    expect(fileRules.filter((l) => l.startsWith("/dev/"))).toEqual(["/dev/bus/usb/ r,", "/dev/bus/usb/[0-9][0-9][0-9]/ r,"]);
    expect(r.some((l) => l.startsWith("capability"))).toBe(false);
    expect(udevOf(hardwareObserve, connect(hardwareObserve, {}, {}, true))).toEqual([]);
  });
});
