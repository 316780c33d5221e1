import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network-observe",
  summary: "allows reading the network state: interfaces, routes, sockets and statistics",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // What ip (show), ss, netstat, iw (dev, link) and ifstat read; nothing here changes anything.
    apparmor: `
network netlink raw,
network netlink dgram,
@{PROC}/@{pid}/net/ r,
@{PROC}/@{pid}/net/** r,
@{PROC}/sys/net/ r,
@{PROC}/sys/net/** r,
/sys/class/net/ r,
/sys/devices/**/net/** r,
/sys/class/ieee80211/ r,
/sys/devices/**/ieee80211/** r,
/etc/iproute2/ r,
/etc/iproute2/** r,
/{,usr/}{,s}bin/{ip,ss,netstat,iw,ifstat,arp,route} ixr,
`,
    // Netlink sockets are bound before they are queried.
    seccomp: `
socket AF_NETLINK - NETLINK_ROUTE
socket AF_NETLINK - NETLINK_SOCK_DIAG
socket AF_NETLINK - NETLINK_GENERIC
bind
`,
  },
});
