import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network-control",
  summary: "allows configuring networking: links, addresses, routes, firewalls and namespaces",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // What ip, iw, tc, iptables/nft, ethtool and DHCP clients need. Changing
    // the host's networking is host-wide by nature: these rules are broad on
    // purpose within the network stack, and stop there.
    apparmor: `
capability net_admin,
capability net_raw,
capability net_bind_service,
network,
# Kernel network settings, the net tree of every process, and device state.
@{PROC}/sys/net/ r,
@{PROC}/sys/net/** rw,
@{PROC}/@{pid}/net/ r,
@{PROC}/@{pid}/net/** r,
/sys/class/net/ r,
/sys/class/net/** r,
/sys/devices/**/net/** rw,
/sys/devices/virtual/net/** rw,
/sys/class/ieee80211/ r,
/sys/devices/**/ieee80211/** r,
/sys/devices/**/rfkill/** rw,
/dev/rfkill rw,
/dev/net/tun rw,
# The host's resolver configuration and network tool state.
/etc/resolv.conf rw,
/run/systemd/resolve/{,**} r,
/etc/iproute2/ r,
/etc/iproute2/** r,
/run/xtables.lock rwk,
/{,usr/}{,s}bin/{ip,iw,tc,ethtool,bridge,ss,iptables{,-*},ip6tables{,-*},xtables-{legacy,nft}-multi,nft,ebtables{,-*},arp,route,ifconfig,dhclient,rfkill} ixr,
# Named network namespaces (ip netns): creating, entering and bind-mounting them.
/run/netns/ rw,
/run/netns/* rw,
mount options=(rw, rshared) -> /run/netns/,
mount options=(rw, bind) /run/netns/ -> /run/netns/,
mount options=(rw, bind) /proc/*/ns/net -> /run/netns/*,
umount /run/netns/*,
@{PROC}/@{pid}/ns/net r,
`,
    seccomp: `
socket AF_INET
socket AF_INET6
socket AF_PACKET
socket AF_NETLINK
# Netlink sockets are bound before use; DHCP clients bind their port.
bind
setns - CLONE_NEWNET
unshare |CLONE_NEWNET
mount
umount2
`,
    udev: ['KERNEL=="tun"', 'KERNEL=="rfkill"'],
  },
});
