import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./network-manager-observe.js";

const ctx = connectedContext(m, {}, {});
const plug = ruleLines(snippet(m, "connectedPlug", ctx));
const slot = ruleLines(snippet(m, "connectedSlot", ctx));

describe("network-manager-observe", () => {
  it.each([
    [plug, 'dbus (send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager member="GetManagedObjects" peer=(label="snap.provider.*"),', true],
    [plug, 'dbus (send) bus=system path="/org/freedesktop/NetworkManager" interface="org.freedesktop.NetworkManager" member="Get{Devices,AllDevices,DeviceByIpIface}" peer=(label="snap.provider.*"),', true],
    [plug, 'dbus (receive) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager member="Interfaces{Added,Removed}" peer=(label="snap.provider.*"),', true],
    [slot, 'dbus (send) bus=system path="/org/freedesktop/NetworkManager" interface=org.freedesktop.NetworkManager member="Device{Added,Removed}" peer=(name=org.freedesktop.NetworkManager,label="snap.app.app"),', true],
    // Broader than snapd: gone.
    [slot, 'dbus (send) bus=system path=/org/freedesktop/NetworkManager{,/**} peer=(label="snap.app.app"),', false],
    [plug, "/{,var/}run/dbus/system_bus_socket rw,", false],
  ])("rule %#", (rules, rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });

  it("never asks for secrets", () => {
    expect([...plug, ...slot].some((l) => l.includes("GetSecrets"))).toBe(false);
  });
});
