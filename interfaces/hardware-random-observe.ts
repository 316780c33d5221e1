import { defineInterface } from "../src/iface/index.js";

export const HWRNG_READ = `
# The hardware random number generator, and which one the kernel uses.
/dev/hwrng r,
/run/udev/data/c10:183 r,
/sys/class/misc/ r,
/sys/class/misc/hw_random r,
/sys/devices/virtual/misc/hw_random/ r,
/sys/devices/virtual/misc/hw_random/{rng_available,rng_current,rng_selected,rng_quality,dev,uevent} r,
`;

export default defineInterface({
  name: "hardware-random-observe",
  summary: "allows reading the hardware random number generator",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: { apparmor: HWRNG_READ, udev: ['KERNEL=="hwrng"'] },
});
