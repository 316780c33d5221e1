import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import adbSupport from "./adb-support.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

const m = adbSupport;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));
const udev = udevOf(m, "connectedPlug", ctx);

describe("adb-support", () => {
  it("grants exactly snapd's three rules", () => {
    expect(rules).toEqual(["/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] rw,", "/run/udev/data/c189:* r,", "/sys/devices/**/usb*/**/serial r,"]);
  });

  it.each(["/dev/bus/usb/ r,", "/sys/devices/**/usb[0-9]*/** r,", "owner @{HOME}/.android/** rwk,"])("does not grant %s", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it.each([
    ['SUBSYSTEM=="usb", ATTR{idVendor}=="18d1"', true],
    ['SUBSYSTEM=="usb", ATTR{idVendor}=="03f0"', true],
    ['SUBSYSTEM=="usb", ATTR{idVendor}=="e040"', true],
    ['SUBSYSTEM=="usb", ATTR{idVendor}=="8087"', true],
    ['SUBSYSTEM=="usb", ATTR{idVendor}=="2e04"', false],
    ['SUBSYSTEM=="usb", ENV{ID_VENDOR_ID}=="18d1"', false],
  ])("tags %s: %s", (match, tagged) => {
    expect(udev.includes(match)).toBe(tagged);
  });

  it("tags snapd's 81 vendors, each a valid match", () => {
    expect(udev).toHaveLength(81);
    expect(new Set(udev).size).toBe(81);
    for (const u of udev) expect(safeUdevMatch(u, "adb-support")).toBe(u);
  });
});
