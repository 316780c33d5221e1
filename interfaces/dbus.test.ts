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
    ["the bus's own name", { bus: "system", name: "org.freedesktop.DBus" }, /belongs to the bus/],
    ["an unknown attribute", { ...ok, path: "/org/example" }, /unknown attribute "path"/],
  ])("refuses %s", (_l, attrs, re) => {
    for (const f of [dbusIface.sanitizePlug!, dbusIface.sanitizeSlot!]) {
      expect(() => f(endpoint("s", "dbus", attrs))).toThrow(AttributeProblem);
      expect(() => f(endpoint("s", "dbus", attrs))).toThrow(re);
    }
  });

  it("lets the plug call only the slot's name and object tree, on its bus", () => {
    const ctx = connect(dbusIface, ok, { bus: "system", name: "com.example.My-Service" });
    const r = rules(apparmorOf(dbusIface, ctx));
    expect(r).toContain("/run/dbus/system_bus_socket rw,");
    expect(r).toContain('dbus (send) bus=system path=/com/example/My_Service{,/**} peer=(name=com.example.My-Service, label="snap.provider.*"),');
    expect(r.filter((l) => l.startsWith("dbus") && !l.includes("org.freedesktop.DBus member=")).every((l) => l.includes('label="snap.provider.*"'))).toBe(true);
  });

  it("lets the slot own exactly its name", () => {
    const slot = endpoint("provider", "dbus", ok);
    const text = snippetText(dbusIface.permanentSlot!.apparmor, { endpoint: slot, snap: snap("provider"), revision: "x2" });
    expect(rules(text).filter((l) => l.startsWith("dbus (bind)"))).toEqual(["dbus (bind) bus=session name=org.example.Foo,"]);
  });
});
