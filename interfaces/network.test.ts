import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import m from "./network.js";

const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("network", () => {
  it.each([
    "network inet stream,",
    "network inet6 dgram,",
    "network netlink dgram,",
    "@{etc_ro}/resolv.conf r,",
    "@{run}/{resolvconf,NetworkManager,systemd/resolve,connman,netconfig}/resolv.conf r,",
    "/run/systemd/resolve/stub-resolv.conf rk,",
    "/etc/mdns.allow r,",
    "/etc/{,libre}ssl/certs/{,**} r,",
    "@{PROC}/sys/net/ipv4/tcp_fastopen r,",
    "/{,usr/}bin/nc{,.openbsd} ixr,",
    'dbus (send) bus=system path="/org/freedesktop/systemd1" interface="org.freedesktop.systemd1.Manager" member="{GetDynamicUsers,LookupDynamicUserByName,LookupDynamicUserByUID}" peer=(name="org.freedesktop.systemd1"),',
  ])("grants what snapd's does: %s", (rule) => {
    expect(rules).toContain(rule);
  });

  it("does not grant what snapd's does not", () => {
    expect(rules).not.toContain("@{PROC}/sys/net/ipv6/conf/all/disable_ipv6 r,");
  });

  it("allows client sockets, userspace SCTP and binding a source address, not serving", () => {
    const calls = ruleLines(seccompOf(m, "connectedPlug", ctx));
    expect(calls).toEqual(["bind", "socket AF_NETLINK - NETLINK_ROUTE", "socket 123", "socket AF_INET", "socket AF_INET6"]);
    expect(calls).not.toContain("listen");
  });
});
