import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./ofono.js";

const m: InterfaceModule = mod;
const plugRules = (system: boolean) => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system })));
const INTROSPECT = "dbus (send) bus=system path=/ interface=org.freedesktop.DBus.Introspectable member=Introspect";

describe("ofono", () => {
  it.each<[string, string, boolean]>([
    ["a snap's", 'dbus (receive, send) bus=system path=/{,**} interface=org.ofono.* peer=(label="snap.provider.*"),', false],
    ["a snap's", `${INTROSPECT} peer=(label="snap.provider.*"),`, false],
    ["the host's", 'dbus (receive, send) bus=system path=/{,**} interface=org.ofono.* peer=(label="unconfined"),', true],
    ["the host's", "/{,var/}run/dbus/system_bus_socket rw,", true],
  ])("a client of %s ofono gets %s", (_l, line, system) => {
    expect(plugRules(system)).toContain(line);
  });

  it("does not let clients of the host's ofono introspect the whole bus", () => {
    expect(plugRules(true).some((l) => l.startsWith(INTROSPECT))).toBe(false);
  });

  it("serves clients of every interface of its own", () => {
    expect(ruleLines(snippet(m, "connectedSlot", connectedContext(m)))).toEqual(['dbus (receive, send) bus=system path=/{,**} interface=org.ofono.* peer=(label="snap.app.app"),']);
  });

  it.each(["capability net_admin,", "/dev/net/tun rw,", "/dev/cdc-* rw,", "network bluetooth,", "dbus (bind) bus=system name=org.ofono,", "/etc/resolv.conf r,"])("the service gets %s", (line) => {
    expect(ruleLines(snippet(m, "permanentSlot", permanentContext(m)))).toContain(line);
  });

  it("gets the sockets its AppArmor rules name, and tags its modem devices", () => {
    const sc = ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)));
    expect(sc).toEqual(expect.arrayContaining(["bind", "listen", "accept", "accept4", "socket AF_INET", "socket AF_BLUETOOTH", "socket AF_NETLINK - NETLINK_ROUTE"]));
    const udev = udevOf(m, "permanentSlot", permanentContext(m));
    expect(udev).toEqual(['KERNEL=="tty[a-zA-Z]*[0-9]*"', 'KERNEL=="cdc-wdm[0-9]*"', 'KERNEL=="tun"', 'KERNEL=="dsp"']);
    for (const u of udev) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});

describe("ofono by device mode", () => {
  // On classic the distribution's unconfined ofono may answer a client of a
  // snap's slot too; core has no such service.
  const HOST = "dbus (receive, send) bus=system path=/{,**} interface=org.ofono.* peer=(label=unconfined),";
  const on = (mode: "classic" | "core") => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { mode })));
  it.each([
    ["classic", HOST, true],
    ["core", HOST, false],
    ["core", 'dbus (receive, send) bus=system path=/{,**} interface=org.ofono.* peer=(label="snap.provider.*"),', true],
    ["classic", 'dbus (receive, send) bus=system path=/{,**} interface=org.ofono.* peer=(label="snap.provider.*"),', true],
    ["classic", "dbus (send) bus=system path=/ interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),", false],
  ] as const)("on %s, a client of a snap's ofono has %s: %s", (mode, rule, granted) => {
    expect(on(mode).includes(rule)).toBe(granted);
  });
});
