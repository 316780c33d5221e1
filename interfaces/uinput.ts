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
# The uinput device (both names it has had). Its permissions stay root's
# 0660: a world-writable uinput would let anyone inject input.
/dev/uinput rw,
/dev/input/uinput rw,
`,
    udev: ['KERNEL=="uinput"'],
  },
});
