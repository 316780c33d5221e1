import { defineInterface, onlyKnownAttrs } from "../src/iface/index.js";

export default defineInterface({
  name: "camera",
  summary: "allows access to all cameras",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => (onlyKnownAttrs(plug.attrs, []), plug.attrs),
  connectedPlug: {
    apparmor: `
# Video4Linux capture devices, and what programs read to find and describe them.
/dev/video[0-9]* rw,
/sys/class/video4linux/ r,
/sys/devices/**/video4linux/** r,
/run/udev/data/c81:[0-9]* r,
`,
    udev: ['KERNEL=="video[0-9]*"'],
  },
});
