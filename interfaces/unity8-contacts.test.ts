import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, snippet, type Role } from "./test-support.js";
import mod from "./unity8-contacts.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));
const SLOT = '"snap.provider.*"';
const PLUG = '"snap.app.app"';

describe("unity8-contacts", () => {
  it.each<[Role, string]>([
    ["connectedPlug", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/AddressBookFactory peer=(label=${SLOT}),`],
    ["connectedPlug", `dbus (receive, send) bus=session path=/com/canonical/pim/AddressBook peer=(label=${SLOT}),`],
    ["connectedPlug", `dbus (receive, send) bus=session path=/synchronizer{,/**} peer=(label=${SLOT}),`],
    ["connectedPlug", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=${SLOT}),`],
    ["connectedSlot", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/Subprocess/** interface=org.gnome.evolution.dataserver.AddressBook peer=(label=${PLUG}),`],
    ["connectedSlot", `dbus (receive, send) bus=session path=/synchronizer{,/**} peer=(label=${PLUG}),`],
    ["permanentSlot", "dbus (bind) bus=session name=org.gnome.evolution.dataserver.AddressBook9,"],
    ["permanentSlot", "dbus (bind) bus=session name=com.meego.msyncd,"],
    ["permanentSlot", "dbus (receive) bus=session peer=(label=unconfined),"],
    ["permanentSlot", 'dbus (receive, send) peer=(label="snap.@{SNAP_INSTANCE_NAME}.*"),'],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("gives unconfined host clients no reach into the sync daemon", () => {
    expect(rendered("permanentSlot").some((l) => l.includes("/synchronizer"))).toBe(false);
    expect(rendered("connectedPlug").some((l) => l.includes("Calendar"))).toBe(false);
  });
});

describe("unity8-contacts by device mode", () => {
  // On classic the desktop's own (unconfined) EDS may answer the client, so
  // it gets the connected service's rules towards it too; not on core.
  const plug = (mode: "classic" | "core") => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { mode })));
  it.each([
    ["classic", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/AddressBookFactory peer=(label=unconfined),", true],
    ["classic", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=unconfined),", true],
    ["classic", "dbus (send) bus=session path=/org/gnome/Evolution interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),", true],
    ["core", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/AddressBookFactory peer=(label=unconfined),", false],
    ["core", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=unconfined),", false],
    ["core", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=${SLOT}),`, true],
  ] as const)("on %s, the client has %s: %s", (mode, rule, granted) => {
    expect(plug(mode).includes(rule)).toBe(granted);
  });

  it("the client's session bus rules appear once", () => {
    expect(plug("classic").filter((l) => l === "owner /{,var/}run/user/[0-9]*/bus rw,")).toHaveLength(1);
  });
});
