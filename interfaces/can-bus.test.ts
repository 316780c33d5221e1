import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import canBus from "./can-bus.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(canBus, {}, {}, { system: true });

describe("can-bus", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(canBus, "connectedPlug", ctx)), ["network can,"]],
    ["udev", () => udevOf(canBus, "connectedPlug", ctx), []],
    ["seccomp", () => ruleLines(seccompOf(canBus, "connectedPlug", ctx)), ["bind", "socket AF_CAN"]],
  ])("grants CAN sockets (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(canBus, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = canBus;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
