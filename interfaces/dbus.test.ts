import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { bareSnap as snap, connectedContext, plugInfo as endpoint, ruleLines, snippet } from "./test-support.js";

/** app:x connected to provider:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const rules = ruleLines;
import dbusIface from "./dbus.js";

describe("dbus", () => {
  const ok = { bus: "session", name: "org.example.Foo" };
  it.each<[string, AttrMap, RegExp]>([
    ["no bus", { name: "org.example.Foo" }, /bus must be set/],
    ["an unknown bus", { bus: "user", name: "org.example.Foo" }, /"system" or "session"/],
    ["no name", { bus: "system" }, /name must be set/],
    ["a one-element name", { bus: "system", name: "foo" }, /well-known D-Bus name/],
    ["a name with a glob", { bus: "system", name: "org.example.*" }, /well-known D-Bus name/],
    ["a name with a comma", { bus: "system", name: "org.a,peer=(label=unconfined)" }, /well-known D-Bus name/],
    ["a unique name", { bus: "system", name: ":1.42" }, /well-known D-Bus name/],
    ["an element starting with a digit", { bus: "system", name: "org.1example" }, /well-known D-Bus name/],
    ["a name ending in -NUMBER", { bus: "system", name: "org.example.Foo-42" }, /must not end with -NUMBER/],
  ])("refuses %s", (_l, attrs, re) => {
    for (const f of [dbusIface.sanitizePlug!, dbusIface.sanitizeSlot!]) {
      expect(() => f(endpoint("s", "dbus", attrs))).toThrow(AttributeProblem);
      expect(() => f(endpoint("s", "dbus", attrs))).toThrow(re);
    }
  });

  it.each<[string, AttrMap]>([
    ["another attribute", { ...ok, path: "/org/example" }],
    ["a name with a dash that is not a -NUMBER suffix", { bus: "system", name: "org.example.Foo-bar" }],
    ["a name under org.freedesktop.DBus", { bus: "system", name: "org.freedesktop.DBus.Example" }],
  ])("accepts %s, as snapd does", (_l, attrs) => {
    expect(() => dbusIface.sanitizeSlot!(endpoint("s", "dbus", attrs))).not.toThrow();
  });

  const system = { bus: "system", name: "com.example.My-Service" };
  const plugRules = rules(apparmorOf(dbusIface, connect(dbusIface, system, system)));

  it.each([
    "/{,var/}run/dbus/system_bus_socket rw,",
    'dbus (send) bus=system interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label="snap.provider.*"),',
    'dbus (receive, send) bus=system peer=(name=com.example.My-Service, label="snap.provider.*"),',
    'dbus (receive, send) bus=system peer=(name="com.example.My-Service-[1-9]{,[0-9]}{,[0-9]}{,[0-9]}{,[0-9]}{,[0-9]}", label="snap.provider.*"),',
    'dbus (receive, send) bus=system interface="com.example.My-Service{,.*}" peer=(label="snap.provider.*"),',
    'dbus (receive, send) bus=system path="/com/example/My-Service{,/**}" peer=(label="snap.provider.*"),',
  ])("the plug gets %s", (rule) => {
    expect(plugRules).toContain(rule);
  });

  it("a plug and slot whose bus or name differ get nothing from the connection", () => {
    expect(rules(apparmorOf(dbusIface, connect(dbusIface, ok, system)))).toEqual([]);
    expect(rules(snippet(dbusIface, "connectedSlot", connect(dbusIface, { ...system, bus: "session" }, system)))).toEqual([]);
  });

  it("the slot serves the connected snap on its interfaces and objects", () => {
    expect(rules(snippet(dbusIface, "connectedSlot", connect(dbusIface, system, system)))).toEqual([
      'dbus (receive) bus=system interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label="snap.app.app"),',
      'dbus (receive, send) bus=system interface="com.example.My-Service{,.*}" peer=(label="snap.app.app"),',
      'dbus (receive, send) bus=system path="/com/example/My-Service{,/**}" peer=(label="snap.app.app"),',
    ]);
  });

  it("lets the slot own its name, with snapd's suffixes, and names below it", () => {
    const slot = endpoint("provider", "dbus", ok);
    const text = snippetText(dbusIface.permanentSlot!.apparmor, { endpoint: slot, snap: snap("provider"), revision: "x2" });
    const binds = rules(text).filter((l) => l.startsWith("dbus (bind)"));
    expect(binds[0]).toBe("dbus (bind) bus=session name=org.example.Foo,");
    expect(binds[1]).toMatch(/^dbus \(bind\) bus=session name=org\.example\.Foo\{_,-\}\[1-9\]/);
    expect(binds[2]).toBe('dbus (bind) bus=session name="org.example.Foo.*",');
    expect(binds).toHaveLength(3);
    expect(rules(text)).toContain('dbus (receive) bus=session path="/org/example/Foo{,/**}" peer=(label=unconfined),');
    expect(rules(text)).toContain("owner /{,var/}run/user/[0-9]*/bus rw,");
  });
});

describe("dbus by device mode", () => {
  // Unconfined callers (the desktop's programs) exist on classic only; on
  // core the service answers connected snaps alone.
  const slot = endpoint("provider", "dbus", { bus: "session", name: "org.example.Foo" });
  it.each([
    ["classic", 'dbus (receive) bus=session path="/org/example/Foo{,/**}" peer=(label=unconfined),', true],
    ["classic", 'dbus (receive) bus=session interface="org.example.Foo{,.*}" peer=(label=unconfined),', true],
    ["classic", "dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),", true],
    ["core", 'dbus (receive) bus=session path="/org/example/Foo{,/**}" peer=(label=unconfined),', false],
    ["core", 'dbus (receive) bus=session interface="org.example.Foo{,.*}" peer=(label=unconfined),', false],
    ["core", "dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),", false],
    ["core", "dbus (bind) bus=session name=org.example.Foo,", true],
  ] as const)("on %s, the slot's service has %s: %s", (mode, rule, granted) => {
    const text = snippetText(dbusIface.permanentSlot!.apparmor, { endpoint: slot, snap: snap("provider"), revision: "x2", mode });
    expect(rules(text).includes(rule)).toBe(granted);
  });
});
