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
`,
    udev: ['KERNEL=="tpm[0-9]*"', 'KERNEL=="tpmrm[0-9]*"'],
  },
});
