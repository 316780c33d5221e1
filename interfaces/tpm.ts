import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "tpm",
  summary: "allows using the Trusted Platform Module directly or through the kernel's resource manager",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The raw TPM device and the in-kernel resource manager device (TPM 2.0).
/dev/tpm[0-9]* rw,
/dev/tpmrm[0-9]* rw,
/sys/class/tpm/ r,
/sys/devices/**/tpm/tpm[0-9]*/** r,
`,
    udev: ['SUBSYSTEM=="tpm", KERNEL=="tpm[0-9]*"', 'SUBSYSTEM=="tpmrm", KERNEL=="tpmrm[0-9]*"'],
  },
});
