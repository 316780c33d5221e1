import { describe, expect, it } from "vitest";
import bluez from "./bluez.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m = bluez;
// A bluez snap's slot is a core system's; on classic see "by device mode" below.
const toSnap = connectedContext(m, {}, {}, { slotSnap: "bt", mode: "core" });
const client = ruleLines(snippet(m, "connectedPlug", toSnap));
const served = ruleLines(snippet(m, "connectedSlot", toSnap));
const perm = permanentContext(m, {}, { snap: "bt", mode: "core" });
const daemon = ruleLines(snippet(m, "permanentSlot", perm));

describe("bluez", () => {
  it.each([
    'dbus (receive, send) bus=system peer=(label="snap.bt.*"),',
    "dbus (send) bus=system peer=(name=org.bluez.mesh, label=unconfined),",
    "dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),",
    "network bluetooth,",
    'unix (send, receive) type="seqpacket" addr=none peer=(addr=none label="snap.bt.*"),',
  ])("the client gets %s", (rule) => {
    expect(client).toContain(rule);
  });

  it("the client's snap gets rfkill tagged; the service's slot tags nothing", () => {
    expect(udevOf(m, "connectedPlug", toSnap)).toEqual(['KERNEL=="rfkill"']);
    expect(udevOf(m, "permanentSlot", perm)).toEqual([]);
  });

  it("the client gets no system calls (its Bluetooth family stays refused, as the VM row checks)", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", toSnap))).toEqual([]);
  });

  it("a snap's service serves the client on core; the host's gets nothing added", () => {
    expect(served).toEqual(['dbus (receive, send) bus=system peer=(label="snap.app.app"),', 'unix (send, receive) type="seqpacket" addr=none peer=(addr=none label="snap.app.app"),']);
    expect(ruleLines(snippet(m, "connectedSlot", connectedContext(m, {}, {}, { system: true })))).toEqual([]);
  });

  it.each([
    "network netlink raw,",
    "/sys/bus/usb/drivers/btusb/** r,",
    "/sys/devices/**/bluetooth/ rw,",
    "/sys/devices/**/id/chassis_type r,",
    'dbus (bind) bus=system name="org.bluez.obex.*",',
    'dbus (bind) bus=system name="org.bluez.mesh",',
    "dbus (receive, send) bus=system interface=org.bluez.* peer=(label=unconfined),",
    'dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties member="Get{,All}",',
  ])("the service's slot grants %s", (rule) => {
    expect(daemon).toContain(rule);
  });

  it("the service's slot no longer reads rfkill's sysfs tree", () => {
    expect(daemon).not.toContain("/sys/devices/**/rfkill/** r,");
  });

  it("the service serves, with udev events", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", perm))).toEqual(["socket AF_BLUETOOTH", "accept", "accept4", "bind", "listen", "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT"]);
  });
});

describe("bluez by device mode", () => {
  // On classic snapd assumes the distribution's unconfined bluetoothd: a
  // client talks to it even through a snap's slot, and a snap's slot gets no
  // rules. On core the slot's snap is the daemon.
  const ctx = (mode: "classic" | "core") => connectedContext(m, {}, {}, { slotSnap: "bt", mode });
  const perm = (mode: "classic" | "core") => permanentContext(m, {}, { snap: "bt", mode });
  it.each([
    ["classic", "connectedPlug", "dbus (receive, send) bus=system peer=(label=unconfined),", true],
    ["classic", "connectedPlug", 'dbus (receive, send) bus=system peer=(label="snap.bt.*"),', false],
    ["classic", "connectedPlug", 'unix (send, receive) type="seqpacket" addr=none peer=(addr=none label=unconfined),', true],
    ["core", "connectedPlug", 'dbus (receive, send) bus=system peer=(label="snap.bt.*"),', true],
    ["core", "connectedPlug", "dbus (receive, send) bus=system peer=(label=unconfined),", false],
    ["classic", "connectedSlot", 'dbus (receive, send) bus=system peer=(label="snap.app.app"),', false],
    ["core", "connectedSlot", 'dbus (receive, send) bus=system peer=(label="snap.app.app"),', true],
    ["classic", "permanentSlot", 'dbus (bind) bus=system name="org.bluez",', false],
    ["core", "permanentSlot", 'dbus (bind) bus=system name="org.bluez",', true],
  ] as const)("on %s, %s has %s: %s", (mode, role, rule, granted) => {
    const text = role === "permanentSlot" ? snippet(m, role, perm(mode)) : snippet(m, role, ctx(mode));
    expect(ruleLines(text).includes(rule)).toBe(granted);
  });

  it("the service's system calls are core's only", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", perm("classic")))).toEqual([]);
    expect(ruleLines(seccompOf(m, "permanentSlot", perm("core")))).toContain("socket AF_BLUETOOTH");
  });
});
