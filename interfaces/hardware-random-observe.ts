import { defineInterface } from "../src/iface/index.js";

/**
 * Reading the hardware RNG and seeing which sources the kernel offers and
 * uses. The misc device is called hw_random in sysfs and udev; its node is
 * /dev/hwrng (misc minor 183).
 */
export const HWRNG_READ = `
# The hardware random number generator, its udev record, and the available
# and current sources.
/dev/hwrng r,
/run/udev/data/c10:183 r,
/sys/devices/virtual/misc/ r,
/sys/devices/virtual/misc/hw_random/rng_{available,current} r,
`;

export const HWRNG_UDEV = ['KERNEL=="hw_random"'];

export default defineInterface({
  name: "hardware-random-observe",
  summary: "allows reading the hardware random number generator",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: { apparmor: HWRNG_READ, udev: HWRNG_UDEV },
});
