import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "gpio-control",
  summary: "allows exporting and driving every GPIO line, through sysfs and the GPIO character devices",
  implicitOn: { core: true, classic: true },
  // Any line of any chip, including ones the board or another snap relies
  // on: only snaps granted it by a store declaration may plug this.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The legacy sysfs API: exporting a line, then its attribute files. The
# per-line entries in /sys/class/gpio are links; AppArmor checks their targets,
# which sit under the platform device of the chip on the boards this is for.
/sys/class/gpio/{,un}export rw,
/sys/class/gpio/gpio[0-9]*/{active_low,direction,value,edge} rw,
/sys/devices/platform/**/gpio/gpio[0-9]*/{active_low,direction,value,edge} rw,
# The character device API (libgpiod): every chip.
/dev/gpiochip[0-9]* rw,
`,
    udev: ['SUBSYSTEM=="gpio", KERNEL=="gpiochip[0-9]*"'],
  },
});
