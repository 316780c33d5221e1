import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const rules = ruleLines;
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
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => pwm.sanitizeSlot!(endpoint("gadget", "pwm", attrs))).toThrow(AttributeProblem);
    expect(() => pwm.sanitizeSlot!(endpoint("gadget", "pwm", attrs))).toThrow(re);
  });

  it("lets the plug drive only the named channel", () => {
    const ctx = connect(pwm, {}, { "chip-number": 2, channel: 5 });
    const r = rules(apparmorOf(pwm, ctx));
    expect(r).toEqual(["/sys/devices/**/pwm/pwmchip2/pwm5/* rwk,", "/sys/devices/**/pwm/pwmchip2/{export,unexport} w,"]);
    expect(r.every((l) => l.includes("pwmchip2"))).toBe(true);
    expect(udevOf(pwm, ctx)).toEqual([]);
  });
});
