import { describe, expect, it } from "vitest";
import { snippetText, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import bluetoothControl from "./bluetooth-control.js";

describe("bluetooth-control", () => {
  it("grants Bluetooth sockets and tags the Bluetooth devices", () => {
    expect(rules(bluetoothControl)).toContain("network bluetooth,");
    expect(ruleLines(snippetText(bluetoothControl.connectedPlug!.seccomp, connect(bluetoothControl)))).toEqual(["socket AF_BLUETOOTH", "bind"]);
    expect(devRules(bluetoothControl)).toEqual(["/dev/vhci rw,", "/dev/rfcomm[0-9]* rw,"]);
    expect(udev(bluetoothControl)).toEqual(['SUBSYSTEM=="bluetooth"', 'SUBSYSTEM=="BT_chrdev"', 'KERNEL=="vhci"', 'KERNEL=="rfcomm[0-9]*"']);
    for (const u of udev(bluetoothControl)) expect(safeUdevMatch(u, "bluetooth-control")).toBe(u);
  });
});
