import { defineInterface } from "../src/iface/index.js";
import { HWRNG_READ } from "./hardware-random-observe.js";

export default defineInterface({
  name: "hardware-random-control",
  summary: "allows reading the hardware random number generator and choosing which one is used",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `${HWRNG_READ}
# Choosing the current source (as rngd does), and feeding entropy to the kernel pool.
/sys/devices/virtual/misc/hw_random/rng_current w,
/dev/random w,
`,
    udev: ['KERNEL=="hwrng"'],
  },
});
