import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import modemManager from "./modem-manager.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m = modemManager;
const MM = "path=/org/freedesktop/ModemManager1{,/**}";
// A modem-manager snap's slot as on core (on classic see "by device mode" below).
const toSnap = connectedContext(m, {}, {}, { slotSnap: "modemmanager", mode: "core" });
const toHost = connectedContext(m, {}, {}, { system: true });
const plugToSnap = ruleLines(snippet(m, "connectedPlug", toSnap));
const plugToHost = ruleLines(snippet(m, "connectedPlug", toHost));
const slot = ruleLines(snippet(m, "connectedSlot", toSnap));
const perm = permanentContext(m, {}, "modemmanager");
const daemon = ruleLines(snippet(m, "permanentSlot", perm));

describe("modem-manager", () => {
  it.each([
    "/{,var/}run/dbus/system_bus_socket rw,",
    `dbus (receive, send) bus=system ${MM} interface=org.freedesktop.ModemManager1* peer=(label="snap.modemmanager.*"),`,
    `dbus (receive, send) bus=system ${MM} interface=org.freedesktop.DBus.* peer=(label="snap.modemmanager.*"),`,
    'dbus (receive, send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager peer=(label="snap.modemmanager.*"),',
    "@{PROC}/tty/drivers r,",
    'unix (connect, receive, send) type=stream peer=(addr="@{mbim,qmi}-proxy"),',
  ])("the client plug grants %s", (rule) => {
    expect(plugToSnap).toContain(rule);
  });

  it("the client of the host's daemon may also introspect it and read its properties", () => {
    expect(plugToHost).toContain(`dbus (send) bus=system ${MM} interface=org.freedesktop.DBus.Introspectable member=Introspect,`);
    expect(plugToHost).toContain(`dbus (send) bus=system ${MM} interface=org.freedesktop.DBus.Properties member="Get{,All}",`);
    expect(plugToSnap.filter((l) => !l.includes("peer="))).toEqual(["/{,var/}run/dbus/system_bus_socket rw,", "@{PROC}/tty/drivers r,"]);
  });

  it("the client plug no longer talks to the service on any interface of its paths", () => {
    expect(plugToSnap).not.toContain(`dbus (send, receive) bus=system ${MM} peer=(label="snap.modemmanager.*"),`);
  });

  it("the service serves the connected client, proxies included", () => {
    expect(slot).toContain(`dbus (receive, send) bus=system ${MM} interface=org.freedesktop.ModemManager1* peer=(label="snap.app.app"),`);
    expect(slot).toContain('unix (accept, receive, send) type=stream peer=(label="snap.app.app"),');
    expect(slot).toHaveLength(4);
  });

  it.each([
    "/run/udev/data/* r,",
    "/sys/bus/usb/devices/** r,",
    "/dev/tty[^0-9]* rw,",
    "/dev/cdc-* rw,",
    "/dev/wwan[0-9]* rw,",
    "/sys/devices/**/net/*/qmi/* rw,",
    "/sys/devices/pci**/{vendor,device,revision} r,",
    'unix (bind, listen) type=stream addr="@{mbim,qmi}-proxy",',
    "@{etc_ro}/resolv.conf r,",
    "network inet dgram,",
    'dbus (bind) bus=system name="org.freedesktop.ModemManager1",',
    "dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=Inhibit,",
  ])("the service's slot grants %s", (rule) => {
    expect(daemon).toContain(rule);
  });

  it.each(["/sys/devices/** r,", "/run/udev/data/** r,", "/usr/share/ModemManager/** r,", "/etc/ModemManager/** r,", "/dev/ttyUSB[0-9]* rw,"])(
    "the service's slot does not grant %s, which snapd's does not",
    (rule) => {
      expect(daemon).not.toContain(rule);
    },
  );

  it("the service's system calls are snapd's, with the IP families its nameservice rules use", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", perm))).toEqual([
      "accept",
      "accept4",
      "bind",
      "listen",
      "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT",
      "socket AF_NETLINK - NETLINK_ROUTE",
      "socket AF_INET",
      "socket AF_INET6",
    ]);
  });

  it("the service's snap gets every modem port tagged, one match per name pattern", () => {
    const udev = udevOf(m, "permanentSlot", perm);
    expect(udev).toContain('KERNEL=="tty[a-zA-Z]*[0-9]*"');
    expect(udev).toContain('KERNEL=="*qcdm[0-9]*"');
    expect(udev).toHaveLength(11);
    for (const u of udev) expect(safeUdevMatch(u, "modem-manager")).toBe(u);
  });
});

describe("modem-manager by device mode", () => {
  // On classic the distribution's unconfined ModemManager may answer even a
  // client connected to a snap's slot; core has no such daemon.
  const plug = (mode: "classic" | "core") => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { slotSnap: "modemmanager", mode })));
  it.each([
    ["classic", `dbus (receive, send) bus=system ${MM} interface=org.freedesktop.ModemManager1* peer=(label=unconfined),`, true],
    ["classic", `dbus (receive, send) bus=system ${MM} interface=org.freedesktop.DBus.* peer=(label=unconfined),`, true],
    ["classic", `dbus (send) bus=system ${MM} interface=org.freedesktop.DBus.Introspectable member=Introspect,`, true],
    ["classic", `dbus (send) bus=system ${MM} interface=org.freedesktop.DBus.Properties member="Get{,All}",`, true],
    ["core", `dbus (receive, send) bus=system ${MM} interface=org.freedesktop.ModemManager1* peer=(label=unconfined),`, false],
    ["core", `dbus (receive, send) bus=system ${MM} interface=org.freedesktop.DBus.* peer=(label=unconfined),`, false],
    ["core", `dbus (send) bus=system ${MM} interface=org.freedesktop.DBus.Introspectable member=Introspect,`, false],
    ["core", `dbus (send) bus=system ${MM} interface=org.freedesktop.DBus.Properties member="Get{,All}",`, false],
    ["core", `dbus (receive, send) bus=system ${MM} interface=org.freedesktop.ModemManager1* peer=(label="snap.modemmanager.*"),`, true],
  ] as const)("on %s, a client of a snap's slot has %s: %s", (mode, rule, granted) => {
    expect(plug(mode).includes(rule)).toBe(granted);
  });

  it("the host's daemon's client gets each unconfined rule once", () => {
    const rules = ruleLines(snippet(m, "connectedPlug", toHost));
    expect(rules.filter((r) => r.includes("ModemManager1*") && r.includes("unconfined"))).toHaveLength(1);
  });
});
