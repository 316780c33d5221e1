import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "pcscd",
  summary: "allows using smart cards through the host's PC/SC daemon (pcscd)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The daemon's socket, which the PC/SC library (libpcsclite) talks to.
/{var/,}run/pcscd/pcscd.comm rw,
# OpenSC's configuration, for its PKCS#11 module on top of PC/SC.
/etc/{opensc/,}opensc.conf r,
`,
  },
});
