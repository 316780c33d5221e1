import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "openvswitch-support",
  summary: "allows running the Open vSwitch daemons and using its kernel datapath",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Only the kernel datapath is loaded for the snap; what the daemons do
    // with it (netlink, bridge ports) comes from the interfaces they also
    // plug (openvswitch, network-control).
    kmod: { load: ["openvswitch"] },
  },
});
