import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "openvswitch-support",
  summary: "allows running the Open vSwitch daemons and using its kernel datapath",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# ovs-vswitchd programs the openvswitch kernel datapath over generic netlink
# and creates its bridge ports; ovsdb asks uuidd for UUIDs.
capability net_admin,
network netlink raw,
network netlink dgram,
/run/uuidd/request rw,
/sys/module/openvswitch/ r,
/sys/module/openvswitch/** r,
/dev/net/tun rw,
`,
    seccomp: `
socket AF_NETLINK - NETLINK_GENERIC
socket AF_NETLINK - NETLINK_ROUTE
`,
    udev: ['KERNEL=="tun"'],
  },
});
