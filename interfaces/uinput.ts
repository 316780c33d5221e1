import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "uinput",
  summary: "allows creating virtual input devices through /dev/uinput, which can type and click anywhere",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The uinput device (both names it has had), and the virtual devices it creates.
/dev/uinput rw,
/dev/input/uinput rw,
/sys/devices/virtual/input/ r,
/sys/devices/virtual/input/input[0-9]*/** r,
`,
    udev: ['SUBSYSTEM=="misc", KERNEL=="uinput"'],
  },
});
