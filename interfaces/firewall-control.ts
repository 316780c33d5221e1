import { defineInterface } from "../src/iface/index.js";
import { NAMESERVICE, RESOLVED } from "./network.js";

export default defineInterface({
  name: "firewall-control",
  summary: "allows configuring the host firewall (iptables, nftables) and related network settings",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Name resolution, for rules that name hosts.
${NAMESERVICE}
/run/systemd/resolve/stub-resolv.conf rk,
${RESOLVED}
capability net_admin,
# iptables and ip6tables (legacy and nft), and ping, which runs in this
# profile and needs raw sockets and to drop its privileges.
/{,usr/}{,s}bin/iptables{,-save,-restore} ixr,
/{,usr/}{,s}bin/ip6tables{,-save,-restore} ixr,
/{,usr/}{,s}bin/iptables-apply ixr,
/{,usr/}{,s}bin/xtables{,-legacy,-nft}-multi ixr,
/{,usr/}{,s}bin/ping ixr,
/{,usr/}{,s}bin/ping6 ixr,
capability net_raw,
capability setuid,
network inet raw,
network inet6 raw,
# Where modprobe is (iptables asks; loading modules stays refused), and the
# xtables lock (an abstract socket, or a lock file).
@{PROC}/sys/kernel/modprobe r,
unix (bind, listen) type=stream addr="@xtables",
/{,var/}run/xtables.lock rwk,
@{PROC}/@{pid}/net/ r,
@{PROC}/@{pid}/net/** r,
# Routing marks, realms and device groups nft names.
/etc/iproute2/ r,
/etc/iproute2/rt_marks r,
/etc/iproute2/rt_realms r,
/etc/iproute2/group r,
# sysctl, the network settings it reads, and the firewall-related ones it
# may change.
/{,usr/}{,s}bin/sysctl ixr,
@{PROC}/sys/ r,
@{PROC}/sys/net/ r,
@{PROC}/sys/net/core/ r,
@{PROC}/sys/net/core/** r,
@{PROC}/sys/net/ipv{4,6}/ r,
@{PROC}/sys/net/ipv{4,6}/** r,
@{PROC}/sys/net/netfilter/ r,
@{PROC}/sys/net/netfilter/** r,
@{PROC}/sys/net/nf_conntrack_max r,
@{PROC}/sys/net/bridge/bridge-nf-call-arptables rw,
@{PROC}/sys/net/bridge/bridge-nf-call-iptables rw,
@{PROC}/sys/net/bridge/bridge-nf-call-ip6tables rw,
@{PROC}/sys/net/bridge/bridge-nf-filter-pppoe-tagged rw,
@{PROC}/sys/net/bridge/bridge-nf-filter-vlan-tagged rw,
@{PROC}/sys/net/bridge/bridge-nf-pass-vlan-input-dev rw,
@{PROC}/sys/net/ipv4/conf/*/rp_filter w,
@{PROC}/sys/net/ipv{4,6}/conf/*/accept_source_route w,
@{PROC}/sys/net/ipv{4,6}/conf/*/accept_redirects w,
@{PROC}/sys/net/ipv4/icmp_echo_ignore_broadcasts w,
@{PROC}/sys/net/ipv4/icmp_ignore_bogus_error_responses w,
@{PROC}/sys/net/ipv4/icmp_echo_ignore_all w,
@{PROC}/sys/net/ipv4/ip_forward w,
@{PROC}/sys/net/ipv4/conf/*/log_martians w,
@{PROC}/sys/net/ipv4/tcp_syncookies w,
@{PROC}/sys/net/ipv6/conf/*/forwarding w,
@{PROC}/sys/net/netfilter/nf_conntrack_helper rw,
@{PROC}/sys/net/netfilter/nf_conntrack_max rw,
@{PROC}/sys/net/netfilter/nf_conntrack_tcp_timeout_close_wait rw,
@{PROC}/sys/net/netfilter/nf_conntrack_tcp_timeout_established rw,
# Whether the filtering modules are loaded, netfilter modules' parameters,
# and the connection tracking table size.
/sys/module/arp_tables/ r,
/sys/module/arp_tables/initstate r,
/sys/module/br_netfilter/ r,
/sys/module/br_netfilter/initstate r,
/sys/module/iptable_filter/ r,
/sys/module/iptable_filter/initstate r,
/sys/module/ip6table_filter/ r,
/sys/module/ip6table_filter/initstate r,
/sys/module/nf_*/initstate r,
/sys/module/nf_*/ r,
/sys/module/nf_*/parameters/{,*} r,
/sys/module/nf_conntrack/parameters/hashsize w,
`,
    // The xtables lock and netlink sockets are bound; ping sets its
    // capabilities and user. The IP families are those the AppArmor rules
    // name (raw sockets, and lookups), which snapd's default filter allows
    // every snap and Plugboard's leaves to the interfaces.
    seccomp: `
bind
socket AF_NETLINK - NETLINK_FIREWALL
socket AF_NETLINK - NETLINK_NFLOG
socket AF_NETLINK - NETLINK_NETFILTER
socket AF_NETLINK - NETLINK_IP6_FW
socket AF_NETLINK - NETLINK_ROUTE
capset
setuid
socket AF_INET
socket AF_INET6
`,
    // The filtering modules iptables does not load by itself.
    kmod: { load: ["arp_tables", "br_netfilter", "ip6table_filter", "iptable_filter"] },
  },
});
