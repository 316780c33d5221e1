import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "openvswitch",
  summary: "allows managing the host's Open vSwitch through its control sockets",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# What ovs-vsctl (the database), ovs-ofctl (a bridge's management socket,
# e.g. br-data.mgmt) and ovs-appctl (the daemon's control socket) connect to.
/run/openvswitch/db.sock rw,
/run/openvswitch/*.mgmt rw,
/run/openvswitch/ovs-vswitchd.*.ctl rw,
/run/openvswitch/ovs-vswitchd.pid rw,
`,
  },
});
