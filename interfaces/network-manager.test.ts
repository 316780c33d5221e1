import { describe, expect, it } from "vitest";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import m from "./network-manager.js";

const app = connectedContext(m, {}, {});
const system = connectedContext(m, {}, {}, { system: true });
const slot = ruleLines(snippet(m, "permanentSlot", permanentContext(m)));

describe("network-manager", () => {
  it("lets clients introspect a snap that provides the service on core, not the host's", () => {
    const introspect = (l: string) => l.includes("Introspectable");
    expect(ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { mode: "core" }))).filter(introspect)).toEqual(['dbus (send) bus=system interface="org.freedesktop.DBus.Introspectable" member="Introspect" peer=(label="snap.provider.*"),']);
    expect(ruleLines(snippet(m, "connectedPlug", system)).filter(introspect)).toEqual([]);
  });

  it.each([
    ["connectedPlug", "/etc/gnutls/config r,", true],
    ["connectedPlug", "dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetConnectionUnixUser peer=(label=unconfined),", true],
    ["connectedPlug", "/run/NetworkManager/** r,", false],
    ["connectedSlot", 'deny ptrace (trace,read) peer="snap.app.app",', true],
  ] as const)("%s %s granted: %s", (role, rule, granted) => {
    expect(ruleLines(snippet(m, role, app)).includes(rule)).toBe(granted);
  });

  it.each([
    ["/etc/netplan/{,**} rw,", true],
    ["@{PROC}/sys/net/mptcp/** rw,", true],
    ["network bridge,", true],
    ['dbus (bind) bus=system name="org.freedesktop.NetworkManager.openvpn.*",', true],
    ["dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=Inhibit,", true],
    // Broader than snapd: gone.
    ["capability dac_override,", false],
    ["/var/lib/NetworkManager/** rwk,", false],
    ["/dev/net/tun rw,", false],
  ])("permanent slot %s granted: %s", (rule, granted) => {
    expect(slot.includes(rule)).toBe(granted);
  });

  it("service system calls and devices are snapd's", () => {
    const calls = ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)));
    expect(calls).toContain("sethostname");
    expect(calls).toContain("socket AF_NETLINK - -");
    expect(calls).not.toContain("setuid");
    expect(udevOf(m, "permanentSlot", permanentContext(m))).toEqual(['KERNEL=="rfkill"']);
    expect(ruleLines(seccompOf(m, "connectedPlug", app))).toEqual(["socket AF_NETLINK - NETLINK_KOBJECT_UEVENT"]);
  });
});

describe("network-manager by device mode", () => {
  // On classic snapd takes the distribution's unconfined NetworkManager to be
  // the service whichever slot a client is connected to; on core it is the
  // slot's snap, and the two may introspect each other.
  const NM = "dbus (receive, send) bus=system path=/org/freedesktop/NetworkManager{,/**}";
  const INTROSPECT = 'interface="org.freedesktop.DBus.Introspectable" member="Introspect"';
  const ctx = (mode: "classic" | "core") => connectedContext(m, {}, {}, { mode });
  it.each([
    ["classic", "connectedPlug", `${NM} peer=(label=unconfined),`, true],
    ["classic", "connectedPlug", `${NM} peer=(label="snap.provider.*"),`, false],
    ["classic", "connectedPlug", `dbus (send) bus=system ${INTROSPECT} peer=(label=unconfined),`, false],
    ["core", "connectedPlug", `${NM} peer=(label="snap.provider.*"),`, true],
    ["core", "connectedPlug", `${NM} peer=(label=unconfined),`, false],
    ["core", "connectedPlug", `dbus (send) bus=system ${INTROSPECT} peer=(label="snap.provider.*"),`, true],
    ["classic", "connectedSlot", `dbus (receive) bus=system ${INTROSPECT} peer=(label="snap.app.app"),`, false],
    ["core", "connectedSlot", `dbus (receive) bus=system ${INTROSPECT} peer=(label="snap.app.app"),`, true],
    ["classic", "connectedSlot", `${NM} peer=(label="snap.app.app"),`, true],
  ] as const)("on %s, %s has %s: %s", (mode, role, rule, granted) => {
    expect(ruleLines(snippet(m, role, ctx(mode))).includes(rule)).toBe(granted);
  });
});
