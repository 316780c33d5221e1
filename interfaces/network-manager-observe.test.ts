import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./network-manager-observe.js";

// A snap's slot as on core (on classic see "by device mode" below).
const ctx = connectedContext(m, {}, {}, { mode: "core" });
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

describe("network-manager-observe by device mode", () => {
  // On classic the observer reads the distribution's unconfined
  // NetworkManager whichever slot it is connected to, and a snap's slot
  // answers nothing; on core the slot's snap is the service.
  const GET = 'dbus (send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager member="GetManagedObjects"';
  const ADDED = 'dbus (send) bus=system path="/org/freedesktop/NetworkManager" interface=org.freedesktop.NetworkManager member="Device{Added,Removed}" peer=(name=org.freedesktop.NetworkManager,label="snap.app.app"),';
  const on = (mode: "classic" | "core", role: "connectedPlug" | "connectedSlot") => ruleLines(snippet(m, role, connectedContext(m, {}, {}, { mode })));
  it.each([
    ["classic", "connectedPlug", `${GET} peer=(label=unconfined),`, true],
    ["classic", "connectedPlug", `${GET} peer=(label="snap.provider.*"),`, false],
    ["core", "connectedPlug", `${GET} peer=(label="snap.provider.*"),`, true],
    ["core", "connectedPlug", `${GET} peer=(label=unconfined),`, false],
    ["classic", "connectedSlot", ADDED, false],
    ["core", "connectedSlot", ADDED, true],
  ] as const)("on %s, %s has %s: %s", (mode, role, rule, granted) => {
    expect(on(mode, role).includes(rule)).toBe(granted);
  });
});
