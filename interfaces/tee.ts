import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "tee",
  summary: "allows talking to a Trusted Execution Environment (OP-TEE, Qualcomm QSEE)",
  implicitOn: { core: true, classic: true },
  // The secure world holds keys and code the rest of the system trusts: only
  // snaps granted it by a store declaration may plug this.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The TEE client nodes and the supplicant's privileged ones (/dev/teepriv*).
/dev/tee[0-9]* rw,
/dev/teepriv[0-9]* rw,
# Qualcomm's secure execution environment communicator.
/dev/qseecom rw,
`,
    udev: ['KERNEL=="tee[0-9]*"', 'KERNEL=="teepriv[0-9]*"', 'KERNEL=="qseecom"'],
  },
});
