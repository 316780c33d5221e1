import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "scsi-generic",
  summary: "allows sending raw SCSI commands to devices through the generic SCSI driver (/dev/sg*)",
  implicitOn: { core: true, classic: true },
  // snapd HEAD also forbids installing plugs of this interface without a
  // snap declaration; the 2.57 row this is pinned to has only the slot rules.
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The sg character devices.
/dev/sg[0-9]* rw,
`,
    udev: ['KERNEL=="sg[0-9]*"'],
  },
});
