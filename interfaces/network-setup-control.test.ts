import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./network-setup-control.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("network-setup-control", () => {
  it.each([
    ["/etc/netplan/{,**} rw,", true],
    ["/usr/share/netplan/netplan.script ixr,", true],
    ["/usr/bin/busctl ixr,", true],
    ['unix (bind) type=stream addr="@[0-9a-fA-F]*/bus/busctl/*",', true],
    ["/run/systemd/network/*-netplan-* w,", true],
    ["/run/NetworkManager/conf.d/*netplan*.conf* w,", true],
    ["/run/udev/rules.d/[0-9]*-netplan* rw,", true],
    ["/usr/libexec/netplan/configure ixr,", true],
    // Broader than snapd: gone.
    ["/run/netplan/** r,", false],
    ["dbus (receive) bus=system path=/io/netplan/Netplan/config/* interface=io.netplan.Netplan.Config member=Changed peer=(label=unconfined),", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
