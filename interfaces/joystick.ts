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
# The legacy joystick API: the kernel numbers these js0 to js31 (major 13, minors 0-31).
/dev/input/js{[0-9],[12][0-9],3[01]} rw,
/run/udev/data/c13:{[0-9],[12][0-9],3[01]} r,
# Game controllers seen through evdev. AppArmor cannot tell a gamepad's event
# node from a keyboard's, so the path is broad; the device cgroup only lets
# through the event nodes udev marked as joysticks (tagged below).
/dev/input/event[0-9]* rw,
/run/udev/data/c13:{6[4-9],[7-9][0-9],[1-9][0-9][0-9]} r,
/sys/class/input/ r,
/sys/devices/**/input[0-9]*/capabilities/* r,
/run/udev/data/+input:input[0-9]* r,
`,
    udev: ['SUBSYSTEM=="input", KERNEL=="js[0-9]*"', 'SUBSYSTEM=="input", KERNEL=="event[0-9]*", ENV{ID_INPUT_JOYSTICK}=="1"'],
  },
});
