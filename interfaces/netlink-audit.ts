import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "netlink-audit",
  summary: "allows reading and writing the kernel audit log over netlink",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // AppArmor's network rules cannot name a netlink protocol; seccomp limits
    // new netlink sockets to the audit protocol.
    apparmor: `
network netlink,
# Joining the audit multicast group (netlink(7)), then reading the log from it
# and sending records to it (capabilities(7)).
capability net_admin,
capability audit_read,
capability audit_write,
`,
    seccomp: `
socket AF_NETLINK - NETLINK_AUDIT
bind
`,
  },
});
