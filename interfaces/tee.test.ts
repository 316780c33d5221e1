import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import tee from "./tee.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(tee, {}, {}, { system: true });

describe("tee", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(tee, "connectedPlug", ctx)), ["/dev/tee[0-9]* rw,", "/dev/teepriv[0-9]* rw,", "/dev/qseecom rw,"]],
    ["udev", () => udevOf(tee, "connectedPlug", ctx), ['KERNEL=="tee[0-9]*"', 'KERNEL=="teepriv[0-9]*"', 'KERNEL=="qseecom"']],
    ["seccomp", () => ruleLines(seccompOf(tee, "connectedPlug", ctx)), []],
  ])("grants the TEE nodes (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(tee, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = tee;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
