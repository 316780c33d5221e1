import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import ptp from "./ptp.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(ptp, {}, {}, { system: true });

describe("ptp", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(ptp, "connectedPlug", ctx)), ["/dev/ptp[0-9]* rw,", "/sys/class/ptp/ptp[0-9]*/{extts_enable,period,pps_enable} w,", "/sys/class/ptp/ptp[0-9]*/* r,"]],
    ["udev", () => udevOf(ptp, "connectedPlug", ctx), ['SUBSYSTEM=="ptp", KERNEL=="ptp[0-9]*"']],
    ["seccomp", () => ruleLines(seccompOf(ptp, "connectedPlug", ctx)), []],
  ])("grants the PTP clocks (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(ptp, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = ptp;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
