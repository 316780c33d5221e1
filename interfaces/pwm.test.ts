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
import pwm from "./pwm.js";

describe("pwm", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["nothing", {}, /chip-number must be/],
    ["no channel", { "chip-number": 0 }, /channel must be/],
    ["a negative chip", { "chip-number": -1, channel: 0 }, /chip-number must be/],
    ["a fractional channel", { "chip-number": 0, channel: 1.5 }, /channel must be/],
    ["a channel as text", { "chip-number": 0, channel: "1" }, /channel must be/],
    ["an injected channel", { "chip-number": 0, channel: "0/** rw," }, /channel must be/],
    ["a huge chip", { "chip-number": 1e9, channel: 0 }, /chip-number must be/],
    ["an unknown attribute", { "chip-number": 0, channel: 0, path: "/sys" }, /unknown attribute "path"/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => pwm.sanitizeSlot!(endpoint("gadget", "pwm", attrs))).toThrow(AttributeProblem);
    expect(() => pwm.sanitizeSlot!(endpoint("gadget", "pwm", attrs))).toThrow(re);
  });

  it("lets the plug drive only the named channel", () => {
    const ctx = connect(pwm, {}, { "chip-number": 2, channel: 5 });
    const r = rules(apparmorOf(pwm, ctx));
    const writable = r.filter((l) => / r?w/.test(l));
    expect(writable).toEqual([
      "/sys/class/pwm/pwmchip2/{export,unexport} w,",
      "/sys/devices/**/pwm/pwmchip2/{export,unexport} w,",
      "/sys/class/pwm/pwmchip2/pwm5/{duty_cycle,enable,period,polarity} rw,",
      "/sys/devices/**/pwm/pwmchip2/pwm5/{duty_cycle,enable,period,polarity} rw,",
    ]);
    expect(r.every((l) => l.includes("pwmchip2"))).toBe(true);
    expect(udevOf(pwm, ctx)).toEqual([]);
  });
});
