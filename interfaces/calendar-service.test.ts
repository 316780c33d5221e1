import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import mod from "./calendar-service.js";

const m: InterfaceModule = mod;
const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const DS = "/org/gnome/evolution/dataserver";

describe("calendar-service", () => {
  it.each([
    "owner /{,var/}run/user/[0-9]*/bus rw,",
    `dbus (receive, send) bus=session interface=org.freedesktop.DBus.ObjectManager path=${DS}{,/**} peer=(label=unconfined),`,
    `dbus (receive, send) bus=session interface=org.freedesktop.DBus.Properties path=${DS}/CalendarFactory peer=(label=unconfined),`,
    `dbus (receive, send) bus=session interface=org.gnome.evolution.dataserver.Calendar path=${DS}/{Subprocess,Calendar}{,/**} peer=(label=unconfined),`,
    `dbus (receive, send) bus=session interface=org.gnome.evolution.dataserver.CalendarView path=${DS}/CalendarView{,/**} peer=(label=unconfined),`,
    `dbus (receive, send) bus=session interface=org.gnome.evolution.dataserver.SourceManager path=${DS}/SourceManager peer=(label=unconfined),`,
    `dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=${DS}/SourceManager{,/**} member=Introspect peer=(label=unconfined),`,
  ])("grants %s", (line) => {
    expect(rules).toContain(line);
  });

  it("reaches calendars only, and only the host's service", () => {
    expect(rules.some((l) => l.includes("AddressBook"))).toBe(false);
    expect(rules.filter((l) => l.startsWith("dbus") && !l.includes("path=/org/freedesktop/DBus ")).every((l) => l.endsWith("peer=(label=unconfined),"))).toBe(true);
    expect(rules.filter((l) => l.includes("Properties"))).toHaveLength(5);
  });
});
