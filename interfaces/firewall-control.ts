import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "firewall-control",
  summary: "allows configuring the host firewall (iptables, nftables) and related network settings",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Rules go in over netlink (nftables, iptables-nft) or the legacy raw-socket
# get/setsockopt path; the xtables lock serialises writers.
capability net_admin,
capability net_raw,
network netlink raw,
network inet raw,
network inet6 raw,
/{,usr/}{,s}bin/{iptables,ip6tables,ebtables,arptables}{,-legacy,-nft}{,-save,-restore} ixr,
/{,usr/}{,s}bin/xtables-{legacy,nft}-multi ixr,
/{,usr/}{,s}bin/nft ixr,
/run/xtables.lock rwk,
/etc/nftables.conf r,
/etc/iptables/ r,
/etc/iptables/* r,
@{PROC}/@{pid}/net/ip_tables_names r,
@{PROC}/@{pid}/net/ip6_tables_names r,
@{PROC}/@{pid}/net/ip_tables_{matches,targets} r,
@{PROC}/@{pid}/net/ip6_tables_{matches,targets} r,
# Forwarding, reverse-path and connection-tracking settings firewalls change.
@{PROC}/sys/net/ipv4/ip_forward rw,
@{PROC}/sys/net/ipv4/conf/*/{forwarding,rp_filter,accept_redirects,send_redirects,accept_source_route,log_martians} rw,
@{PROC}/sys/net/ipv6/conf/*/{forwarding,accept_redirects,accept_source_route} rw,
@{PROC}/sys/net/netfilter/ r,
@{PROC}/sys/net/netfilter/** rw,
@{PROC}/sys/net/bridge/bridge-nf-call-{arptables,iptables,ip6tables} rw,
`,
    // Netlink sockets are bound before use, and iptables takes its lock by
    // binding an abstract socket.
    seccomp: `
bind
socket AF_NETLINK - NETLINK_NETFILTER
socket AF_NETLINK - NETLINK_ROUTE
socket AF_INET - IPPROTO_RAW
socket AF_INET6 - IPPROTO_RAW
`,
  },
});
