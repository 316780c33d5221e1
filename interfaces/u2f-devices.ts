import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "u2f-devices",
  summary: "allows talking to FIDO/U2F security keys over hidraw",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The path rule covers every hidraw node; only nodes that the udev matches
    // below tag are let through by the device cgroup, so keyboards and other
    // HID devices stay out of reach.
    apparmor: `
/dev/hidraw[0-9]* rw,
/sys/class/hidraw/ r,
/sys/devices/**/hidraw/hidraw[0-9]*/** r,
/run/udev/data/c2[0-9][0-9]:[0-9]* r,
`,
    // systemd's fido_id builtin (60-fido-id.rules, run before our rules) marks
    // every FIDO/U2F token by its HID report descriptor, whatever its vendor.
    udev: ['SUBSYSTEM=="hidraw", ENV{ID_FIDO_TOKEN}=="1"'],
  },
});
