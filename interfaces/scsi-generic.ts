import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "scsi-generic",
  summary: "allows sending raw SCSI commands to devices through the generic SCSI driver (/dev/sg*)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The sg character devices, and the sysfs tree that maps them to disks and drives.
/dev/sg[0-9]* rw,
/sys/class/scsi_generic/ r,
/sys/devices/**/scsi_generic/sg[0-9]*/** r,
/run/udev/data/c21:[0-9]* r,
`,
    udev: ['SUBSYSTEM=="scsi_generic", KERNEL=="sg[0-9]*"'],
  },
});
