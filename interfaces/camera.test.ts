import { describe, expect, it } from "vitest";
import camera from "./camera.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

const ctx = connectedContext(camera, {}, {}, { system: true });
const rules = ruleLines(snippet(camera, "connectedPlug", ctx));

describe("camera", () => {
  it.each([
    "/dev/video[0-9]* rwk,",
    "/dev/vchiq rw,",
    "/sys/bus/usb/devices/ r,",
    "/sys/devices/pci**/usb*/**/idVendor r,",
    "/run/udev/data/+usb:* r,",
    "/sys/devices/pci**/usb*/**/video4linux/** r,",
    "/sys/devices/platform/**/usb*/**/video4linux/** r,",
  ])("grants %s, as snapd does (the VM row opens /dev/video0)", (rule) => {
    expect(rules).toContain(rule);
  });

  it("no longer reads every device's video4linux tree", () => {
    expect(rules).not.toContain("/sys/devices/**/video4linux/** r,");
    expect(rules).toHaveLength(15);
  });

  it("tags V4L and VideoCore devices", () => {
    expect(udevOf(camera, "connectedPlug", ctx)).toEqual(['KERNEL=="video[0-9]*"', 'KERNEL=="vchiq"']);
  });
});
