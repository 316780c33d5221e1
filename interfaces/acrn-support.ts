import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "acrn-support",
  summary: "allows managing virtual machines on the ACRN hypervisor",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The hypervisor service module's device, through which VMs are created and
# run, and taking CPUs offline to hand them to a VM.
/dev/acrn_hsm rw,
/sys/devices/system/cpu/cpu[0-9]*/online rw,
`,
    udev: ['KERNEL=="acrn_hsm"'],
  },
});
