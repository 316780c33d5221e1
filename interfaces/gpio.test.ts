import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet } from "./test-support.js";

/** app:x connected to provider:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const rules = ruleLines;
import gpio from "./gpio.js";

describe("gpio", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no number", {}, /must set number/],
    ["a string", { number: "17" }, /non-negative integer/],
    ["a negative number", { number: -1 }, /non-negative integer/],
    ["a fraction", { number: 1.5 }, /non-negative integer/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => gpio.sanitizeSlot!(endpoint("gadget", "gpio", attrs))).toThrow(AttributeProblem);
    expect(() => gpio.sanitizeSlot!(endpoint("gadget", "gpio", attrs))).toThrow(re);
  });

  it("grants exactly the one exported line", () => {
    const r = rules(apparmorOf(gpio, connect(gpio, {}, { number: 17 })));
    // The files of the line's directory (the VM row reads and writes gpio17/value), and not the class directory or link.
    expect(r).toEqual(["/sys/devices/**/gpio/gpio17/* rwk,"]);
    expect(r.join("\n")).not.toMatch(/export/);
    expect(new Set(r.join("\n").match(/gpio[0-9]+/g))).toEqual(new Set(["gpio17"]));
  });

  it("leaves attributes other than number alone, as snapd does", () => {
    expect(() => gpio.sanitizeSlot!(endpoint("gadget", "gpio", { number: 1, label: "led" }))).not.toThrow();
  });

  it("refuses to render a number that slipped past the sanitizer", () => {
    expect(() => apparmorOf(gpio, connect(gpio, {}, { number: "1/../../x" }))).toThrow(/not a non-negative integer/);
  });
});
