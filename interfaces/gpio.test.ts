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
import gpio from "./gpio.js";

describe("gpio", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no number", {}, /must set number/],
    ["a string", { number: "17" }, /non-negative integer/],
    ["a negative number", { number: -1 }, /non-negative integer/],
    ["a fraction", { number: 1.5 }, /non-negative integer/],
    ["an unknown attribute", { number: 1, path: "/sys/class/gpio/gpio1" }, /unknown attribute "path"/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => gpio.sanitizeSlot!(endpoint("gadget", "gpio", attrs))).toThrow(AttributeProblem);
    expect(() => gpio.sanitizeSlot!(endpoint("gadget", "gpio", attrs))).toThrow(re);
  });

  it("grants exactly the one exported line", () => {
    const r = rules(apparmorOf(gpio, connect(gpio, {}, { number: 17 })));
    expect(r).toEqual([
      "/sys/class/gpio/ r,",
      "/sys/class/gpio/gpio17 r,",
      "/sys/devices/**/gpio/gpio17/ r,",
      "/sys/devices/**/gpio/gpio17/{value,direction,edge,active_low} rw,",
    ]);
    expect(r.join("\n")).not.toMatch(/export/);
    expect(new Set(r.join("\n").match(/gpio[0-9]+/g))).toEqual(new Set(["gpio17"]));
  });

  it("refuses to render a number that slipped past the sanitizer", () => {
    expect(() => apparmorOf(gpio, connect(gpio, {}, { number: "1/../../x" }))).toThrow(/not a non-negative integer/);
  });
});
