import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import localeControl from "./locale-control.js";

const ctx = connectedContext(localeControl, {}, {}, { system: true });
const rules = ruleLines(snippet(localeControl, "connectedPlug", ctx));

describe("locale-control", () => {
  it.each([
    "/etc/default/locale rw,",
    "/{,var/}run/dbus/system_bus_socket rw,",
    "dbus (send) bus=system path=/org/freedesktop/locale1 interface=org.freedesktop.locale1 member={SetLocale,SetX11Keyboard,SetVConsoleKeyboard} peer=(name=org.freedesktop.locale1),",
    "dbus (receive) bus=system path=/org/freedesktop/locale1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged,",
  ])("grants %s", (rule) => expect(rules).toContain(rule));

  it("adds no system calls and is provided on classic only", () => {
    expect(seccompOf(localeControl, "connectedPlug", ctx).trim()).toBe("");
    expect(localeControl.implicitOn).toEqual({ core: false, classic: true });
  });
});
