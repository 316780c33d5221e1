import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "ion-memory-control",
  summary: "allows allocating buffers shared with devices through the Android ION allocator",
  implicitOn: { core: true, classic: true },
  // Only snaps a store declaration names may plug it: ION hands out physically
  // contiguous memory that devices read and write.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The allocator's single device: buffers are requested by ioctl and passed
# on to drivers as file descriptors.
/dev/ion rw,
`,
    udev: ['KERNEL=="ion"'],
  },
});
