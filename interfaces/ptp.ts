import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "ptp",
  summary: "allows reading and adjusting PTP hardware clocks (for IEEE 1588 time sync)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The clock nodes themselves (clock_gettime/clock_adjtime on their fd, ioctls).
/dev/ptp[0-9]* rw,
# The clocks' sysfs attributes: all readable; external timestamps, periodic
# output and the PPS source can be switched.
/sys/class/ptp/ptp[0-9]*/{extts_enable,period,pps_enable} w,
/sys/class/ptp/ptp[0-9]*/* r,
`,
    udev: ['SUBSYSTEM=="ptp", KERNEL=="ptp[0-9]*"'],
  },
});
