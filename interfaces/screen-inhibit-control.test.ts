import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./screen-inhibit-control.js";

const ctx = connectedContext(m, {}, {});
const plug = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const slot = ruleLines(snippet(m, "connectedSlot", ctx));

describe("screen-inhibit-control", () => {
  it("has snapd's implicit slots: classic only", () => {
    expect(m.implicitOn).toEqual({ core: false, classic: true });
  });
  it.each([
    [plug, 'dbus (send) bus=system path="/com/canonical/Unity/Screen" interface="com.canonical.Unity.Screen" member={keepDisplayOn,removeDisplayOnRequest} peer=(label="unconfined"),', true],
    [plug, "dbus (send) bus=session path=/{,ScreenSaver} interface=org.{gnome.ScreenSaver,kde.screensaver,cinnamon.ScreenSaver} member=SimulateUserActivity peer=(label=\"unconfined\"),", true],
    [slot, 'dbus (receive) bus=session path=/org/gnome/SessionManager interface=org.gnome.SessionManager member={Inhibit,Uninhibit} peer=(label="snap.app.app"),', true],
    [slot, 'dbus (send) bus=session path=/org/freedesktop/PowerManagement/Inhibit interface=org.freedesktop.PowerManagement.Inhibit member=HasInhibitChanged peer=(label="snap.app.app"),', true],
    // Broader than snapd: gone.
    [plug, "dbus (send) bus=session path=/org/gnome/SessionManager interface=org.gnome.SessionManager member={Inhibit,Uninhibit,IsInhibited} peer=(label=\"unconfined\"),", false],
  ])("rule %#", (rules, rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
