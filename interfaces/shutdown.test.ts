import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./shutdown.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("shutdown", () => {
  it.each([
    ["dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member={Reboot,PowerOff,Halt} peer=(label=unconfined),", true],
    ['unix (bind) type=stream addr="@*/bus/*/system",', true],
    ["dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.DBus.Introspectable member=Introspect,", true],
    ["/{,var/}run/dbus/system_bus_socket rw,", true],
    // Broader than snapd: gone.
    ["dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={PrepareForShutdown,PrepareForSleep} peer=(label=unconfined),", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
  it("has snapd's logind methods, SetRebootParameter and ListInhibitors included", () => {
    expect(rules.find((l) => l.includes("login1.Manager"))).toContain("SetRebootParameter");
    expect(rules.find((l) => l.includes("login1.Manager"))).toContain("ListInhibitors");
  });
});
