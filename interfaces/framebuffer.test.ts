import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import framebuffer from "./framebuffer.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(framebuffer, {}, {}, { system: true });

describe("framebuffer", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(framebuffer, "connectedPlug", ctx)), ["/dev/fb[0-9]* rw,", "/run/udev/data/c29:[0-9]* r,"]],
    ["udev", () => udevOf(framebuffer, "connectedPlug", ctx), ['KERNEL=="fb[0-9]*"']],
    ["seccomp", () => ruleLines(seccompOf(framebuffer, "connectedPlug", ctx)), []],
  ])("grants every framebuffer node (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(framebuffer, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = framebuffer;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
