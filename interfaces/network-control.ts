import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";
import { NAMESERVICE, SSL_CERTS } from "./network.js";

// systemd-resolved's and systemd-networkd's services on the system bus.
const RESOLVE1 = `peer=(name="org.freedesktop.resolve1", label=unconfined)`;
const NETWORK1 = `peer=(name="org.freedesktop.network1", label=unconfined)`;

export default defineInterface({
  name: "network-control",
  summary: "allows configuring networking: links, addresses, routes, firewalls and namespaces",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // What ip, iw, tc, ping, pppd, wpa_supplicant, resolvconf, DHCP clients
    // and "ip netns" need. Changing the host's networking is host-wide by
    // nature, and namespaces need sys_admin and mounts: only for trusted apps.
    apparmor: `
# Name resolution.
${NAMESERVICE}
/run/systemd/resolve/stub-resolv.conf rk,
${SSL_CERTS}

# systemd-resolved: lookups, per-link DNS settings, flushing caches, and the
# properties resolvectl shows.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="Resolve{Address,Hostname,Record,Service}" ${RESOLVE1},
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="SetLink*" ${RESOLVE1},
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="GetLink" ${RESOLVE1},
dbus (send) bus=system path="/org/freedesktop/resolve1/link/*" interface="org.freedesktop.resolve1.Link" member="Set*" ${RESOLVE1},
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="FlushCaches" ${RESOLVE1},
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.DBus.Peer" member="Ping" ${RESOLVE1},
dbus (send) bus=system path="/org/freedesktop/resolve1" interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
dbus (receive) bus=system path="/org/freedesktop/resolve1" interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (send) bus=system path="/org/freedesktop/resolve1/link/*" interface="org.freedesktop.DBus.Properties" member=Get{,All} peer=(label=unconfined),
dbus (receive) bus=system path="/org/freedesktop/resolve1/link/*" interface="org.freedesktop.DBus.Properties" member=PropertiesChanged peer=(label=unconfined),

# networkctl: its own bus socket, networkd's state files and udev's records
# of network devices, and networkd's API.
unix (bind) type=stream addr="@*/bus/networkctl*/system",
/run/systemd/netif/links/ r,
/run/systemd/netif/links/* r,
/run/systemd/netif/lldp/[0-9]* r,
/run/udev/data/n[0-9]* r,
dbus (send) bus=system path="/org/freedesktop/network1" interface="org.freedesktop.network1.Manager" member="{ListLinks,GetLinkByName,GetLinkByIndex,SetLinkNTP,SetLinkDNS,SetLinkDNSEx,SetLinkDomains,SetLinkDefaultRoute,SetLinkLLMNR,SetLinkMulticastDNS,SetLinkDNSOverTLS,SetLinkDNSSEC,SetLinkDNSSECNegativeTrustAnchors,RevertLinkNTP,RevertLinkDNS,RenewLink,ForceRenewLink,ReconfigureLink,Reload,DescribeLink,Describe}" ${NETWORK1},
dbus (send) bus=system path="/org/freedesktop/network1" interface="org.freedesktop.DBus.Properties" member=Get{,All} ${NETWORK1},
dbus (receive) bus=system path="/org/freedesktop/network1" interface="org.freedesktop.DBus.Properties" member=PropertiesChanged peer=(label=unconfined),
dbus (send) bus=system path="/org/freedesktop/network1" interface="org.freedesktop.DBus.Peer" member=Ping ${NETWORK1},
dbus (send) bus=system path="/org/freedesktop/network1/link/_*" interface="org.freedesktop.network1.Link" member="{SetNTP,SetDNS,SetDNSEx,SetDomains,SetDefaultRoute,SetLLMNR,SetMulticastDNS,SetDNSOverTLS,SetDNSSEC,SetDNSSECNegativeTrustAnchors,RevertNTP,RevertDNS,Renew,ForceRenew,Reconfigure,Describe}" ${NETWORK1},
dbus (send) bus=system path="/org/freedesktop/network1/link/_*" interface="org.freedesktop.DBus.Properties" member=Get{,All} ${NETWORK1},
dbus (receive) bus=system path="/org/freedesktop/network1/link/_*" interface="org.freedesktop.DBus.Properties" member=PropertiesChanged peer=(label=unconfined),

# wpa_supplicant's API, for managing Wi-Fi networks.
dbus (receive, send) bus=system path=/fi/w1/wpa_supplicant1{,/**} interface=fi.w1.wpa_supplicant1* peer=(label=unconfined),
dbus (receive, send) bus=system path=/fi/w1/wpa_supplicant1{,/**} interface=org.freedesktop.DBus.* peer=(label=unconfined),

# Configuring the network stack; setuid for ping and pppd, net_broadcast for
# Open vSwitch.
capability net_admin,
capability net_raw,
capability setuid,
capability net_broadcast,
# The address families in use, without the rare ones the host's module
# blacklist keeps out; raw IP for ping; netlink for ip, arp and the rest.
network appletalk,
network bridge,
network inet,
network inet6,
network ipx,
network packet,
network pppox,
network sna,
network inet raw,
network inet6 raw,
network netlink dgram,
network netlink raw,

# Every process's network view, and the kernel's network settings (sysctl).
@{PROC}/@{pid}/net/ r,
@{PROC}/@{pid}/net/** r,
@{PROC}/sys/ r,
@{PROC}/sys/net/ r,
@{PROC}/sys/net/core/ r,
@{PROC}/sys/net/core/** rw,
@{PROC}/sys/net/ipv{4,6}/ r,
@{PROC}/sys/net/ipv{4,6}/** rw,
@{PROC}/sys/net/netfilter/ r,
@{PROC}/sys/net/netfilter/** rw,
@{PROC}/sys/net/nf_conntrack_max rw,
# Advanced wireless settings, and netfilter modules' parameters.
/sys/kernel/debug/ieee80211/ r,
/sys/kernel/debug/ieee80211/** rw,
/sys/module/nf_*/ r,
/sys/module/nf_*/parameters/{,*} r,

# The networking tools (dhclient runs under its own profile when the host has one).
/{,usr/}{,s}bin/{arp,arpd,bridge,dhclient-script,ifconfig,ifdown,ifquery,ifup,ip,ipmaddr,iptunnel,iw,nameif,netstat,networkctl,nstat,ping,ping6,pppd,pppdump,pppoe-discovery,resolvectl,route,routef,routel,rtacct,rtmon,ss,sysctl,tc,wpa_action,wpa_cli,wpa_passphrase,wpa_supplicant} ixr,
/{,usr/}{,s}bin/dhclient Pxr,

# Radio kill switches.
/dev/rfkill rw,
/sys/class/rfkill/ r,
/sys/devices/{pci[0-9a-f]*,platform,virtual}/**/rfkill[0-9]*/{,**} r,
/sys/devices/{pci[0-9a-f]*,platform,virtual}/**/rfkill[0-9]*/state w,
# Interfaces' hardware addresses.
/sys/devices/{pci[0-9a-f]*,platform,virtual}/**/net/*/address r,

# iproute2's tables.
/etc/iproute2/{,**} r,
/etc/iproute2/rt_{protos,realms,scopes,tables} w,
/etc/iproute2/rt_{protos,tables}.d/* w,

# pppd.
@{PROC}/@{pid}/loginuid r,
@{PROC}/@{pid}/mounts r,

# The static host table, resolvconf and its hooks.
/etc/hosts w,
/{,usr/}sbin/resolvconf ixr,
/run/resolvconf/{,**} rwk,
/etc/resolvconf/{,**} r,
/{,usr/}lib/resolvconf/* ix,
/{,usr/}bin/run-parts ixr,
/etc/resolvconf/update.d/* ix,

# wpa_supplicant's control sockets and configuration scripts.
/{,var/}run/wpa_supplicant/ w,
/{,var/}run/wpa_supplicant/** rw,
/etc/wpa_supplicant/{,**} ixr,

# ifupdown and dhclient state.
/{,var/}run/dhclient.*.pid rw,
/var/lib/dhcp/ r,
/var/lib/dhcp/** rw,
/run/network/ifstate* rw,
/run/network/.ifstate* rw,
/run/network/ifup-* rw,
/run/network/ifdown-* rw,

# Tables route and friends read.
/etc/networks r,
/etc/ethers r,
/etc/rpc r,

# TUN/TAP: only the clone device has a node; the tap and tun links are
# virtual. Their sysfs settings, and those of bridges.
/dev/net/tun rw,
/sys/devices/virtual/net/{tap*,mstp*,bchat*}/** rw,
/sys/devices/virtual/net/*/bridge/* rw,

# Named network namespaces ("ip netns"): ip keeps each one alive by bind
# mounting it under /run/netns, and "ip netns exec" enters it in a mount
# namespace of its own with /sys remounted. setns needs sys_admin, finding a
# process's namespace needs sys_ptrace (ptrace (trace) itself stays refused).
capability sys_admin,
capability sys_ptrace,
/ r,
/run/netns/ rk,
/run/netns/* rw,
mount options=(rw, rshared) -> /run/netns/,
mount options=(rw, bind) /run/netns/ -> /run/netns/,
mount options=(rw, bind) / -> /run/netns/*,
umount /run/netns/*,
umount /,
mount options=(rw, rslave) /,
mount options=(rw, rslave),
mount fstype=sysfs,
umount /sys/,
/{,usr/}{,s}bin/nsenter ixr,
# Not emitted: "network xdp," (snapd adds it only when the parser knows XDP
# rules; the 3.0 ABI does not), the /var/lib/dhcp bind mount from the host
# (apps here already see the host's), and the quiet refusals of ptrace
# tracing and module loading snapd adds when nothing else grants them.
`,
    seccomp: `
# ping and ping6 drop capabilities.
capset
# ip netns: binding netlink sockets, the mounts, and entering namespaces.
bind
mount
umount
umount2
unshare
setns - CLONE_NEWNET
# The network's netlink families, and the kernel's device events.
socket AF_NETLINK - NETLINK_ROUTE
socket AF_NETLINK - NETLINK_FIB_LOOKUP
socket AF_NETLINK - NETLINK_INET_DIAG
socket AF_NETLINK - NETLINK_XFRM
socket AF_NETLINK - NETLINK_DNRTMSG
socket AF_NETLINK - NETLINK_ISCSI
socket AF_NETLINK - NETLINK_RDMA
socket AF_NETLINK - NETLINK_GENERIC
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
# XDP programs.
bpf
# Kept beyond snapd's module: snapd's default filter lets every snap make
# sockets of any family but netlink and leaves the family to AppArmor;
# Plugboard's allows only AF_UNIX, so the families the AppArmor rules above
# allow are allowed here.
socket AF_INET
socket AF_INET6
socket AF_PACKET
socket AF_APPLETALK
socket AF_BRIDGE
socket AF_IPX
socket AF_PPPOX
socket AF_SNA
`,
    udev: ['KERNEL=="rfkill"', 'KERNEL=="tun"'],
  },
});
