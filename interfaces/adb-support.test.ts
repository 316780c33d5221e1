import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import adbSupport from "./adb-support.js";

describe("adb-support", () => {
  it("tags only USB devices of Android vendors, each by vendor id", () => {
    const u = udev(adbSupport);
    expect(u.length).toBeGreaterThan(5);
    for (const m of u) {
      expect(m).toMatch(/^SUBSYSTEM=="usb", ENV\{ID_VENDOR_ID\}=="[0-9a-f]{4}"$/);
      expect(safeUdevMatch(m, "adb-support")).toBe(m);
    }
    expect(u).toContain('SUBSYSTEM=="usb", ENV{ID_VENDOR_ID}=="18d1"');
    expect(devRules(adbSupport)).toEqual(["/dev/bus/usb/ r,", "/dev/bus/usb/[0-9][0-9][0-9]/ r,", "/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] rw,"]);
  });
});
