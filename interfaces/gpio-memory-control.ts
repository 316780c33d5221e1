import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "gpio-memory-control",
  summary: "allows mapping the GPIO controller's registers through /dev/gpiomem",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The GPIO register window (bcm2835-gpiomem): every GPIO of the machine, as
# a slice of physical memory. Mapping it for reading and writing needs no
# "m", which is for executable mappings.
/dev/gpiomem rw,
`,
    udev: ['KERNEL=="gpiomem"'],
  },
});
