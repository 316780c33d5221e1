import { describe, expect, it } from "vitest";
import { connectedContext, permanentContext, ruleLines, snippet } from "./test-support.js";
import m from "./upower-observe.js";

const plug = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const slot = ruleLines(snippet(m, "permanentSlot", permanentContext(m)));

describe("upower-observe", () => {
  it.each([
    [plug, "dbus (send) bus=system path=/org/freedesktop/UPower{,/Wakeups,/devices/**} interface=org.freedesktop.DBus.Properties member=Get{,All},", true],
    [plug, 'dbus (send) bus=system path=/org/freedesktop/UPower/devices/** interface=org.freedesktop.UPower.Device member={GetHistory,Refresh} peer=(label="unconfined"),', true],
    [slot, "network netlink raw,", true],
    [slot, "dbus (receive) bus=system path=/org/freedesktop/login1{,/**} interface=org.freedesktop.login1.* peer=(label=unconfined),", true],
    // Broader than snapd: gone.
    [slot, "/var/lib/upower/** rw,", false],
    [plug, 'dbus (send) bus=system path=/org/freedesktop/UPower/devices/* interface=org.freedesktop.UPower.Device member={GetHistory,GetStatistics,Refresh} peer=(label="unconfined"),', false],
  ])("rule %#", (rules, rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
