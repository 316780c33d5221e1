import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, type Role } from "./test-support.js";
import mod from "./unity8-calendar.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));
const SLOT = '"snap.provider.*"';
const PLUG = '"snap.app.app"';

describe("unity8-calendar", () => {
  it.each<[Role, string]>([
    ["connectedPlug", "owner /{,var/}run/user/[0-9]*/bus rw,"],
    ["connectedPlug", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=${SLOT}),`],
    ["connectedPlug", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/CalendarView/** peer=(label=${SLOT}),`],
    ["connectedPlug", `dbus (receive, send) bus=session path=/com/canonical/SyncMonitor peer=(label=${SLOT}),`],
    ["connectedPlug", `dbus (send) bus=session path=/org/gnome/Evolution interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${SLOT}),`],
    ["connectedSlot", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/CalendarFactory peer=(label=${PLUG}),`],
    ["connectedSlot", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=${PLUG}),`],
    ["permanentSlot", "dbus (bind) bus=session name=org.gnome.evolution.dataserver.Calendar7,"],
    ["permanentSlot", "dbus (bind) bus=session name=org.gnome.evolution.dataserver.Sources5,"],
    ["permanentSlot", "dbus (receive) bus=session path=/org/gnome/evolution/dataserver/Subprocess/** interface=org.gnome.evolution.dataserver.Calendar peer=(label=unconfined),"],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("keeps the client to the connected service on core, and away from address books", () => {
    const core = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { mode: "core" })));
    const plug = core.filter((l) => l.startsWith("dbus") && !l.includes("path=/org/freedesktop/DBus "));
    expect(plug.every((l) => l.includes(`label=${SLOT}`))).toBe(true);
    expect(plug.some((l) => l.includes("AddressBook"))).toBe(false);
  });

  it("serves its backends' private connections", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)))).toEqual(["bind", "listen", "accept", "accept4"]);
  });
});

describe("unity8-calendar by device mode", () => {
  // On classic the desktop's own (unconfined) EDS may answer the client, so
  // it gets the connected service's rules towards it too; not on core.
  const plug = (mode: "classic" | "core") => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { mode })));
  it.each([
    ["classic", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/CalendarView/** peer=(label=unconfined),", true],
    ["classic", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=unconfined),", true],
    ["classic", "dbus (send) bus=session path=/org/gnome/Evolution interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),", true],
    ["core", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/CalendarView/** peer=(label=unconfined),", false],
    ["core", "dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=unconfined),", false],
    ["core", `dbus (receive, send) bus=session path=/org/gnome/evolution/dataserver/SourceManager{,/**} peer=(label=${SLOT}),`, true],
  ] as const)("on %s, the client has %s: %s", (mode, rule, granted) => {
    expect(plug(mode).includes(rule)).toBe(granted);
  });

  it("the client's session bus rules appear once", () => {
    expect(plug("classic").filter((l) => l === "owner /{,var/}run/user/[0-9]*/bus rw,")).toHaveLength(1);
  });
});
