import { defineInterface } from "../src/iface/index.js";
import { HWRNG_UDEV } from "./hardware-random-observe.js";

export default defineInterface({
  name: "hardware-random-control",
  summary: "allows reading the hardware random number generator and choosing which one is used",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // What rngd and similar tools need: the device read and written, and the
    // choice of source (observe reads the device and the settings only).
    apparmor: `
/dev/hwrng rw,
/run/udev/data/c10:183 r,
/sys/devices/virtual/misc/ r,
/sys/devices/virtual/misc/hw_random/rng_{available,current} r,
# Choosing the current source.
/sys/devices/virtual/misc/hw_random/rng_current w,
`,
    udev: HWRNG_UDEV,
  },
});
