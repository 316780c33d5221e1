import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import uhid from "./uhid.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(uhid, {}, {}, { system: true });

describe("uhid", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(uhid, "connectedPlug", ctx)), ["/dev/uhid rw,"]],
    ["udev", () => udevOf(uhid, "connectedPlug", ctx), []],
    ["seccomp", () => ruleLines(seccompOf(uhid, "connectedPlug", ctx)), []],
  ])("grants the UHID node, which udev cannot tag (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(uhid, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = uhid;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
