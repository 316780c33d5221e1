import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import mod from "./contacts-service.js";

const m: InterfaceModule = mod;
const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const DS = "/org/gnome/evolution/dataserver";

describe("contacts-service", () => {
  it.each([
    `dbus (receive, send) bus=session interface=org.freedesktop.DBus.Properties path=${DS}/AddressBookCursor{,/**} peer=(label=unconfined),`,
    `dbus (receive, send) bus=session interface=org.gnome.evolution.dataserver.AddressBook path=${DS}/{Subprocess,AddressBook}{,/**} peer=(label=unconfined),`,
    `dbus (receive, send) bus=session interface=org.gnome.evolution.dataserver.AddressBookCursor path=${DS}/AddressBookCursor{,/**} peer=(label=unconfined),`,
    `dbus (receive, send) bus=session interface=org.gnome.evolution.dataserver.Source.Removable path=${DS}/SourceManager{,/**} peer=(label=unconfined),`,
    `dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=${DS}/AddressBookView{,/**} member=Introspect peer=(label=unconfined),`,
    "owner @{HOME}/.cache/evolution/addressbook/[0-9a-f]*/*.jpeg r,",
  ])("grants %s", (line) => {
    expect(rules).toContain(line);
  });

  it("reaches address books only, with the views and cursors snapd names", () => {
    expect(rules.some((l) => l.includes("Calendar"))).toBe(false);
    expect(rules.filter((l) => l.includes("Properties"))).toHaveLength(6);
    expect(rules.filter((l) => l.includes("member=Introspect"))).toHaveLength(5);
  });
});
