import { describe, expect, it } from "vitest";
import { snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { PlugInfo, SnapInfo } from "../src/snap/index.js";

const endpoint = (snap: string, iface: string): PlugInfo => ({ snap, name: "x", interface: iface, attrs: {}, apps: [], hooks: [] });
const snap = (name: string): SnapInfo => ({ name, type: "app", confinement: "strict", environment: {}, apps: {}, hooks: {}, plugs: {}, slots: {} });
/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule): ConnectedContext => ({
  plug: endpoint("app", m.name),
  slot: endpoint("core", m.name),
  plugSnap: snap("app"),
  slotSnap: snap("core"),
  plugRevision: "x1",
  slotRevision: "x2",
  plugLabel: '"snap.app.app"',
  slotLabel: '"unconfined"',
  slotIsSystem: true,
});
/** The rule lines of the plug side's AppArmor snippet, without comments and blank lines. */
const rules = (m: InterfaceModule) =>
  snippetText(m.connectedPlug?.apparmor, connect(m)).split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const udev = (m: InterfaceModule) => {
  const u = m.connectedPlug?.udev;
  return typeof u === "function" ? u(connect(m)) : (u ?? []);
};
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import bluetoothControl from "./bluetooth-control.js";

describe("bluetooth-control", () => {
  it("grants Bluetooth sockets and tags the Bluetooth devices", () => {
    expect(rules(bluetoothControl)).toContain("network bluetooth,");
    expect(snippetText(bluetoothControl.connectedPlug!.seccomp, connect(bluetoothControl)).trim()).toBe("socket AF_BLUETOOTH");
    expect(devRules(bluetoothControl)).toEqual(["/dev/vhci rw,", "/dev/rfcomm[0-9]* rw,"]);
    expect(udev(bluetoothControl)).toEqual(['SUBSYSTEM=="bluetooth"', 'SUBSYSTEM=="BT_chrdev"', 'KERNEL=="vhci"', 'KERNEL=="rfcomm[0-9]*"']);
    for (const u of udev(bluetoothControl)) expect(safeUdevMatch(u, "bluetooth-control")).toBe(u);
  });
});
