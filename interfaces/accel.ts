import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "accel",
  summary: "allows using compute accelerator devices (NPUs and the like) of the kernel's accel subsystem",
  implicitOn: { core: true, classic: true },
  // No deny-auto-connection: snapd connects this one automatically.
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# Each accelerator the accel subsystem registers is a character device under
# /dev/accel; user-space runtimes submit work to it through ioctls.
/dev/accel/accel* rw,
`,
    udev: ['SUBSYSTEM=="accel", KERNEL=="accel*"'],
  },
});
