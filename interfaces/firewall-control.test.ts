import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import firewallControl from "./firewall-control.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = firewallControl;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("firewall-control", () => {
  it.each([
    "@{etc_ro}/resolv.conf r,",
    "/{,usr/}{,s}bin/iptables-apply ixr,",
    "/{,usr/}{,s}bin/ping ixr,",
    "capability setuid,",
    "@{PROC}/sys/kernel/modprobe r,",
    'unix (bind, listen) type=stream addr="@xtables",',
    "/{,var/}run/xtables.lock rwk,",
    "/etc/iproute2/rt_marks r,",
    "@{PROC}/sys/net/ipv4/tcp_syncookies w,",
    "/sys/module/nf_conntrack/parameters/hashsize w,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each([
    "/{,usr/}{,s}bin/nft ixr,",
    "/{,usr/}{,s}bin/{iptables,ip6tables,ebtables,arptables}{,-legacy,-nft}{,-save,-restore} ixr,",
    "/etc/nftables.conf r,",
    "@{PROC}/sys/net/netfilter/** rw,",
    "@{PROC}/sys/net/ipv4/conf/*/{forwarding,rp_filter,accept_redirects,send_redirects,accept_source_route,log_martians} rw,",
  ])("does not grant %s, which snapd's firewall-control does not", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("allows snapd's calls, and the IP families for ping and lookups", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual([
      "bind",
      "socket AF_NETLINK - NETLINK_FIREWALL",
      "socket AF_NETLINK - NETLINK_NFLOG",
      "socket AF_NETLINK - NETLINK_NETFILTER",
      "socket AF_NETLINK - NETLINK_IP6_FW",
      "socket AF_NETLINK - NETLINK_ROUTE",
      "capset",
      "setuid",
      "socket AF_INET",
      "socket AF_INET6",
    ]);
  });

  it("loads the filtering modules iptables does not load itself", () => {
    expect(m.connectedPlug?.kmod).toEqual({ load: ["arp_tables", "br_netfilter", "ip6table_filter", "iptable_filter"] });
  });
});
