import { defineInterface } from "../src/iface/index.js";
import { NAMESERVICE, RESOLVED, SSL_CERTS } from "./network.js";

export default defineInterface({
  name: "network-observe",
  summary: "allows reading the network state: interfaces, routes, sockets and statistics",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // What ip (show), ss, netstat, ping, sysctl and the like read. No
    // net_admin: that would make this network-control.
    apparmor: `
# Name resolution.
${NAMESERVICE}
/run/systemd/resolve/stub-resolv.conf r,
${RESOLVED}
${SSL_CERTS}

# systemd-networkd's link state, read on demand or followed (as
# networkd-dispatcher does).
dbus (receive) bus=system path=/org/freedesktop/network1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/network1/link/_* interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/network1/link/_* interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(name=org.freedesktop.network1, label=unconfined),
dbus (send) bus=system path=/org/freedesktop/network1 interface=org.freedesktop.network1.Manager member={ListLinks,GetLinkByName,DescribeLink,Describe} peer=(name=org.freedesktop.network1, label=unconfined),

# Loaded modules, every process's network view, and the network settings.
@{PROC}/modules r,
@{PROC}/@{pid}/net/ r,
@{PROC}/@{pid}/net/** r,
@{PROC}/sys/ r,
@{PROC}/sys/net/ r,
@{PROC}/sys/net/core/ r,
@{PROC}/sys/net/core/** r,
@{PROC}/sys/net/ipv{4,6}/ r,
@{PROC}/sys/net/ipv{4,6}/** r,
@{PROC}/sys/net/netfilter/ r,
@{PROC}/sys/net/netfilter/** r,
@{PROC}/sys/net/nf_conntrack_max r,

# The tools (netstat without -p; nstat may zero its counters).
/{,usr/}{,s}bin/{arp,bridge,ifconfig,ip,ipmaddr,iptunnel,netstat,nstat,route,routel,rtacct,ss,sysctl,tc} ixr,
network netlink dgram,
/etc/iproute2/{,**} r,
# ping, in this profile; setuid and net_raw for its raw sockets.
/{,usr/}{,s}bin/ping ixr,
/{,usr/}{,s}bin/ping6 ixr,
capability net_raw,
capability setuid,
network inet raw,
network inet6 raw,
/etc/networks r,
/etc/ethers r,
/etc/rpc r,
# Network devices in sysfs, and the kernel's device events.
/sys/devices/**/net/** rk,
network netlink raw,
`,
    seccomp: `
# ping and ping6 drop capabilities.
capset
# Netlink sockets are bound before they are queried: ss, arp, multicast
# statistics, and device events.
bind
socket AF_NETLINK - NETLINK_INET_DIAG
socket AF_NETLINK - NETLINK_ROUTE
socket AF_NETLINK - NETLINK_GENERIC
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
# Kept beyond snapd's module: snapd's default filter lets every snap make
# sockets of any family but netlink and leaves the family to AppArmor;
# Plugboard's allows only AF_UNIX, so the IP families the AppArmor rules
# above allow (ping's raw sockets, lookups) are allowed here.
socket AF_INET
socket AF_INET6
`,
  },
});
