import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./timezone-control.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("timezone-control", () => {
  it.each([
    ["/etc/{,writable/}localtime rw,", true],
    ["/etc/{,writable/}timezone rw,", true],
    ['unix (bind) type=stream addr="@*/bus/timedatectl*/system",', true],
    ["/usr/bin/timedatectl{,.real} ixr,", true],
    ["dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Introspectable member=Introspect,", true],
    // Setting the clock itself is time-control's.
    ["capability sys_time,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
