import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import rawInput from "./raw-input.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(rawInput, {}, {}, { system: true });

describe("raw-input", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(rawInput, "connectedPlug", ctx)), ["/dev/input/* rw,", "/sys/devices/**/input[0-9]*/capabilities/* r,", "network netlink raw,", "/run/udev/data/c13:[0-9]* r,", "/run/udev/data/+input:input[0-9]* r,"]],
    ["udev", () => udevOf(rawInput, "connectedPlug", ctx), ['KERNEL=="event[0-9]*", SUBSYSTEM=="input"', 'KERNEL=="mice"', 'KERNEL=="mouse[0-9]*"', 'KERNEL=="ts[0-9]*"']],
    ["seccomp", () => ruleLines(seccompOf(rawInput, "connectedPlug", ctx)), ["bind", "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT"]],
  ])("grants every input node and uevents (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(rawInput, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = rawInput;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
