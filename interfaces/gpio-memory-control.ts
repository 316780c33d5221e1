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
# The GPIO register window (Raspberry Pi style); mapped into the process.
/dev/gpiomem rwm,
`,
    udev: ['KERNEL=="gpiomem"'],
  },
});
