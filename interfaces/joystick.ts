import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "joystick",
  summary: "allows reading and writing game controllers and joysticks",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The legacy joystick API: the kernel numbers these js0 to js31 (major 13,
# minors 0-31).
/dev/input/js{[0-9],[12][0-9],3[01]} rw,
/run/udev/data/c13:{[0-9],[12][0-9],3[01]} r,
# Game controllers seen through evdev (minors from 65). AppArmor cannot tell
# a gamepad's event node from a keyboard's, so the path is broad; the device
# cgroup is to let through only the event nodes udev marked as joysticks
# (tagged below). What event codes each input device reports is readable.
/run/udev/data/c13:{6[5-9],[7-9][0-9],[1-9][0-9][0-9]*} r,
/dev/input/event[0-9]* rw,
/sys/devices/**/input[0-9]*/capabilities/* r,
`,
    // The js nodes, evdev nodes udev marked as joysticks, and /dev/full, so
    // that the device cgroup is in force even with no joystick plugged in
    // (snapd also re-triggers udev for input devices on connection, which
    // Plugboard's udev snippets cannot ask for).
    udev: ['KERNEL=="js[0-9]*"', 'KERNEL=="event[0-9]*", SUBSYSTEM=="input", ENV{ID_INPUT_JOYSTICK}=="1"', 'KERNEL=="full", SUBSYSTEM=="mem"'],
  },
});
