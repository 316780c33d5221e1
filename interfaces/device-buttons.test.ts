import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import deviceButtons from "./device-buttons.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(deviceButtons, {}, {}, { system: true });

describe("device-buttons", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(deviceButtons, "connectedPlug", ctx)), ["/dev/input/event[0-9]* rw,", "/sys/devices/**/input[0-9]*/capabilities/* r,"]],
    ["udev", () => udevOf(deviceButtons, "connectedPlug", ctx), ['KERNEL=="event[0-9]*", SUBSYSTEM=="input", ENV{ID_INPUT_KEY}=="1", ENV{ID_INPUT_KEYBOARD}!="1"', 'KERNEL=="full", SUBSYSTEM=="mem"']],
    ["seccomp", () => ruleLines(seccompOf(deviceButtons, "connectedPlug", ctx)), []],
  ])("keeps the device cgroup on and tags no keyboard (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(deviceButtons, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = deviceButtons;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
