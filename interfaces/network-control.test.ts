import { describe, expect, it } from "vitest";
import { snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./network-control.js";
import { connectedContext, ruleLines, udevOf as udevOfRole } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;
const udevOf = (c: ConnectedContext): readonly string[] => udevOfRole(m, "connectedPlug", c);

describe("network-control", () => {
  it("tags exactly the intended devices, with acceptable udev matches", () => {
    expect(udevOf(ctx())).toEqual(['KERNEL=="rfkill"', 'KERNEL=="tun"']);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
  it("grants exactly the intended device nodes", () => {
    const devs = lines(snippetText(m.connectedPlug!.apparmor, ctx())).filter((l) => l.startsWith("/dev/"));
    expect(devs).toEqual(['/dev/rfkill rw,', '/dev/net/tun rw,']);
  });

  it.each([
    ["network packet,", true],
    ["capability sys_ptrace,", true],
    ["mount options=(rw, bind) / -> /run/netns/*,", true],
    ["/sys/devices/virtual/net/*/bridge/* rw,", true],
    ["/etc/iproute2/rt_{protos,tables}.d/* w,", true],
    ["/{,usr/}{,s}bin/dhclient Pxr,", true],
    ["/{,usr/}{,s}bin/nsenter ixr,", true],
    ["@{PROC}/sys/net/nf_conntrack_max rw,", true],
    // Broader than snapd: gone.
    ["network,", false],
    ["/sys/devices/**/net/** rw,", false],
    ["/etc/resolv.conf rw,", false],
  ])("AppArmor %s granted: %s", (rule, granted) => {
    expect(lines(snippetText(m.connectedPlug!.apparmor, ctx())).includes(rule)).toBe(granted);
  });
  it.each([
    ["socket AF_NETLINK - NETLINK_GENERIC", true],
    ["socket AF_PACKET", true],
    ["capset", true],
    ["unshare", true],
    ["bpf", true],
    // Every netlink family: broader than snapd.
    ["socket AF_NETLINK", false],
  ])("seccomp %s granted: %s", (rule, granted) => {
    expect(lines(snippetText(m.connectedPlug!.seccomp, ctx())).includes(rule)).toBe(granted);
  });
});
