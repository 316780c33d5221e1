import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import avahiControl from "./avahi-control.js";
import avahiObserve from "./avahi-observe.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const HOST = '"{unconfined,/usr/sbin/avahi-daemon,avahi-daemon}"';
const lines = (m: InterfaceModule, system: boolean) => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, system ? { system } : { slotSnap: "avahi" })));
const slotLines = (m: InterfaceModule, system = false) => ruleLines(snippet(m, "connectedSlot", connectedContext(m, {}, {}, system ? { system } : { slotSnap: "avahi" })));

describe.each([
  ["avahi-observe", avahiObserve],
  ["avahi-control", avahiControl],
] as const)("%s", (_name, m) => {
  const host = lines(m, true);
  const snap = lines(m, false);

  it.each([
    "/{,var/}run/avahi-daemon/socket rw,",
    `dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member={Get*,Resolve*,IsNSSSupportAvailable} peer=(name=org.freedesktop.Avahi, label=${HOST}),`,
    `dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member=ServiceBrowserNew peer=(name=org.freedesktop.Avahi, label=${HOST}),`,
    `dbus (send) bus=system path=/Client*/ServiceBrowser* interface=org.freedesktop.Avahi.ServiceBrowser member=Free peer=(name=org.freedesktop.Avahi, label=${HOST}),`,
    `dbus (receive) bus=system interface=org.freedesktop.Avahi.ServiceResolver peer=(label=${HOST}),`,
  ])("a client of the host's daemon gets %s", (rule) => {
    expect(host).toContain(rule);
  });

  it("a client of a snap's daemon names only that snap", () => {
    expect(snap).toContain('dbus (receive) bus=system interface=org.freedesktop.Avahi.Server peer=(label="snap.avahi.*"),');
    expect(snap.filter((l) => l.includes("unconfined"))).toEqual([]);
  });

  it("no client may introspect the daemon", () => {
    expect(host.filter((l) => l.includes("Introspect"))).toEqual([]);
  });

  it("the daemon's slot grants snapd's rules and no system calls", () => {
    const perm = permanentContext(m, {}, "avahi");
    const daemon = ruleLines(snippet(m, "permanentSlot", perm));
    expect(daemon).toContain("network netlink,");
    expect(daemon).toContain("/{,var/}run/avahi-daemon/{pid,socket} rwk,");
    expect(daemon).toContain('dbus (bind) bus=system name="org.freedesktop.Avahi",');
    for (const gone of ["network inet dgram,", "capability net_raw,", "capability setuid,", "capability sys_chroot,", "/etc/avahi/** r,"]) expect(daemon).not.toContain(gone);
    expect(ruleLines(seccompOf(m, "permanentSlot", perm))).toEqual([]);
  });

  it("a snap's daemon serves the client; the host's gets nothing added", () => {
    const served = slotLines(m);
    expect(served).toContain('dbus (send) bus=system interface=org.freedesktop.Avahi.AddressResolver peer=(name=org.freedesktop.Avahi, label="snap.app.app"),');
    expect(served).toContain('dbus (send) bus=system interface=org.freedesktop.Avahi.HostNameResolver peer=(label="snap.app.app"),');
    expect(slotLines(m, true)).toEqual([]);
  });
});

describe("avahi-control beyond avahi-observe", () => {
  const host = lines(avahiControl, true);
  it.each([
    `dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member=Set* peer=(name=org.freedesktop.Avahi, label=${HOST}),`,
    `dbus (send) bus=system path=/Client*/EntryGroup* interface=org.freedesktop.Avahi.EntryGroup member=Add{Service,ServiceSubtype,Address,Record} peer=(name=org.freedesktop.Avahi, label=${HOST}),`,
    `dbus (receive) bus=system path=/Client*/EntryGroup* interface=org.freedesktop.Avahi.EntryGroup peer=(label=${HOST}),`,
  ])("publishes with %s", (rule) => {
    expect(host).toContain(rule);
    expect(lines(avahiObserve, true)).not.toContain(rule);
  });
  it("the slot side hears entry-group calls and sends their state", () => {
    expect(slotLines(avahiControl)).toContain('dbus (send) bus=system interface=org.freedesktop.Avahi.EntryGroup member=StateChanged peer=(name=org.freedesktop.Avahi, label="snap.app.app"),');
  });
});
