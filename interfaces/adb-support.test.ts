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
