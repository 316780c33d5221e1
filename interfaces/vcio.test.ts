import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import vcio from "./vcio.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(vcio, {}, {}, { system: true });

describe("vcio", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(vcio, "connectedPlug", ctx)), ["/dev/vcio rw,", "/sys/devices/virtual/bcm2708_vcio/vcio/** r,", "/run/udev/data/c23[4-9]:[0-9]* r,", "/run/udev/data/c24[0-9]:[0-9]* r,", "/run/udev/data/c25[0-4]:[0-9]* r,"]],
    ["udev", () => udevOf(vcio, "connectedPlug", ctx), ['SUBSYSTEM=="bcm2708_vcio", KERNEL=="vcio"']],
    ["seccomp", () => ruleLines(seccompOf(vcio, "connectedPlug", ctx)), []],
  ])("grants the VideoCore node (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(vcio, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = vcio;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
