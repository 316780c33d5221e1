import { describe, expect, it } from "vitest";
import { snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./joystick.js";
import { connectedContext, ruleLines, udevOf as udevOfRole } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;
const udevOf = (c: ConnectedContext): readonly string[] => udevOfRole(m, "connectedPlug", c);

describe("joystick", () => {
  it("tags exactly the intended devices, with acceptable udev matches", () => {
    expect(udevOf(ctx())).toEqual(['KERNEL=="js[0-9]*"', 'KERNEL=="event[0-9]*", SUBSYSTEM=="input", ENV{ID_INPUT_JOYSTICK}=="1"', 'KERNEL=="full", SUBSYSTEM=="mem"']);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
  it("grants exactly the intended device nodes", () => {
    const devs = lines(snippetText(m.connectedPlug!.apparmor, ctx())).filter((l) => l.startsWith("/dev/"));
    expect(devs).toEqual(['/dev/input/js{[0-9],[12][0-9],3[01]} rw,', '/dev/input/event[0-9]* rw,']);
  });
  it("reads udev's records of evdev nodes from minor 65, as snapd does, and no input class listing", () => {
    const all = lines(snippetText(m.connectedPlug!.apparmor, ctx()));
    expect(all).toContain("/run/udev/data/c13:{6[5-9],[7-9][0-9],[1-9][0-9][0-9]*} r,");
    expect(all).not.toContain("/sys/class/input/ r,");
    expect(all).not.toContain("/run/udev/data/+input:input[0-9]* r,");
  });
});


it("joystick js nodes stop at js31, as the kernel numbers them", () => {
  const re = /^js([0-9]|[12][0-9]|3[01])$/;
  expect(["js0", "js9", "js10", "js29", "js31"].every((n) => re.test(n))).toBe(true);
  expect(["js32", "js40", "js100"].some((n) => re.test(n))).toBe(false);
});
