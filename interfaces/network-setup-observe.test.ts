import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./network-setup-observe.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("network-setup-observe", () => {
  it.each([
    ["/etc/netplan/{,**} r,", true],
    ["/run/NetworkManager/conf.d/{,**} r,", true],
    ["/run/udev/rules.d/[0-9]*-netplan-* r,", true],
    ["/usr/bin/busctl ixr,", true],
    ["dbus (send) bus=system path=/io/netplan/Netplan interface=io.netplan.Netplan member=Info peer=(label=unconfined),", true],
    // Broader than snapd: gone.
    ["/run/netplan/** r,", false],
    ["/lib/netplan/** r,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
  it("writes nothing", () => {
    expect(rules.filter((l) => / [a-z]*w[a-z]*,$/.test(l) && l.startsWith("/"))).toEqual(["/{,var/}run/dbus/system_bus_socket rw,"]);
  });
});
