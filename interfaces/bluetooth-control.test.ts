import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import bluetoothControl from "./bluetooth-control.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(bluetoothControl, {}, {}, { system: true });
const rules = ruleLines(snippet(bluetoothControl, "connectedPlug", ctx));
const seccomp = ruleLines(seccompOf(bluetoothControl, "connectedPlug", ctx));
const udev = udevOf(bluetoothControl, "connectedPlug", ctx);

describe("bluetooth-control", () => {
  it.each([
    "network bluetooth,",
    "network alg,",
    "capability net_admin,",
    "/sys/module/btusb/ r,",
    "/sys/module/btusb/** r,",
    "/sys/devices/**/bluetooth/ rw,",
    "/sys/devices/**/bluetooth/** rw,",
    "/dev/vhci rw,",
    "/dev/stpbt rw,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each([
    "capability net_raw,",
    "/sys/devices/**/bluetooth/ r,",
    "/sys/devices/**/hci[0-9]*/** r,",
    "/dev/rfcomm[0-9]* rw,",
    "/run/udev/data/+bluetooth:* r,",
  ])("does not grant %s, which snapd's bluetooth-control does not", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("allows the Bluetooth and crypto socket families and binding", () => {
    expect(seccomp).toEqual(["socket AF_BLUETOOTH", "socket AF_ALG", "bind"]);
  });

  it("tags exactly the Bluetooth subsystems' devices", () => {
    expect(udev).toEqual(['SUBSYSTEM=="bluetooth"', 'SUBSYSTEM=="BT_chrdev"']);
    for (const u of udev) expect(safeUdevMatch(u, "bluetooth-control")).toBe(u);
  });
});
