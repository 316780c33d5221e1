import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "vcio",
  summary: "allows programming the Raspberry Pi's VideoCore GPU through /dev/vcio",
  implicitOn: { core: true, classic: true },
  // The driver trusts what it is sent, so connecting is a manual decision.
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The VideoCore mailbox node and its device in sysfs.
/dev/vcio rw,
/sys/devices/virtual/bcm2708_vcio/vcio/** r,
# Its udev database entry. The driver takes a dynamic char major, which the
# kernel hands out from 234-254 (counting down from 254), hence the range.
/run/udev/data/c23[4-9]:[0-9]* r,
/run/udev/data/c24[0-9]:[0-9]* r,
/run/udev/data/c25[0-4]:[0-9]* r,
`,
    udev: ['SUBSYSTEM=="bcm2708_vcio", KERNEL=="vcio"'],
  },
});
