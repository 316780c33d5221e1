import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import m from "./network-observe.js";

const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));
const calls = ruleLines(seccompOf(m, "connectedPlug", ctx));

describe("network-observe", () => {
  it.each([
    ["@{PROC}/modules r,", true],
    ["network inet raw,", true],
    ["capability net_raw,", true],
    ["/sys/devices/**/net/** rk,", true],
    ["@{PROC}/sys/net/ipv{4,6}/** r,", true],
    ["dbus (send) bus=system path=/org/freedesktop/network1 interface=org.freedesktop.network1.Manager member={ListLinks,GetLinkByName,DescribeLink,Describe} peer=(name=org.freedesktop.network1, label=unconfined),", true],
    // Broader than snapd: gone.
    ["@{PROC}/sys/net/** r,", false],
    ["/sys/devices/**/ieee80211/** r,", false],
    ["capability net_admin,", false],
  ])("AppArmor %s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
  it.each([
    ["socket AF_NETLINK - NETLINK_INET_DIAG", true],
    ["socket AF_NETLINK - NETLINK_KOBJECT_UEVENT", true],
    ["capset", true],
  ])("seccomp %s granted: %s", (rule, granted) => {
    expect(calls.includes(rule)).toBe(granted);
  });
});
