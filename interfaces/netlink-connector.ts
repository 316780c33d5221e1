import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "netlink-connector",
  summary: "allows talking to kernel drivers through the netlink connector",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The connector multiplexes many kernel users (process events, uvesafb,
    // w1, ...) over one protocol and nothing tells them apart, so the snap
    // reaches all of them. seccomp keeps new netlink sockets to this protocol.
    apparmor: `
network netlink,
# Netlink multicast groups need CAP_NET_ADMIN (netlink(7)).
capability net_admin,
`,
    seccomp: `
socket AF_NETLINK - NETLINK_CONNECTOR
bind
`,
  },
});
