import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import gpioControl from "./gpio-control.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(gpioControl, {}, {}, { system: true });

describe("gpio-control", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(gpioControl, "connectedPlug", ctx)), ["/sys/class/gpio/{,un}export rw,", "/sys/class/gpio/gpio[0-9]*/{active_low,direction,value,edge} rw,", "/sys/devices/platform/**/gpio/gpio[0-9]*/{active_low,direction,value,edge} rw,", "/dev/gpiochip[0-9]* rw,"]],
    ["udev", () => udevOf(gpioControl, "connectedPlug", ctx), ['SUBSYSTEM=="gpio", KERNEL=="gpiochip[0-9]*"']],
    ["seccomp", () => ruleLines(seccompOf(gpioControl, "connectedPlug", ctx)), []],
  ])("grants every line through sysfs and every chip node (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(gpioControl, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = gpioControl;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
