import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "device-buttons",
  summary: "allows reading the board's buttons (GPIO keys and the like) as input events, but not keyboards",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# AppArmor cannot tell a button's event node from a keyboard's or a mouse's,
# so the path covers every evdev node; the device cgroup is what narrows it
# to the nodes udev tagged for this app (see the udev matches).
/dev/input/event[0-9]* rw,
# Which events each input device can report, to find the buttons.
/sys/devices/**/input[0-9]*/capabilities/* r,
`,
    // Only evdev nodes udev found to have keys and not to be a keyboard:
    // keyboards (everything typed) stay out of reach. The tag on /dev/full
    // keeps the device cgroup in force on a board without buttons, so the
    // broad AppArmor rule above never opens every input device. Devices
    // present before the connection get the tag at their next udev event
    // (snapd re-triggers the input subsystem; nothing here does yet).
    udev: ['KERNEL=="event[0-9]*", SUBSYSTEM=="input", ENV{ID_INPUT_KEY}=="1", ENV{ID_INPUT_KEYBOARD}!="1"', 'KERNEL=="full", SUBSYSTEM=="mem"'],
  },
});
