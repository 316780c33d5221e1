import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "framebuffer",
  summary: "allows drawing on the console framebuffer devices (/dev/fb*)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Every framebuffer node, and what udev knows of them (char major 29), for
# programs that look their display up through libudev.
/dev/fb[0-9]* rw,
/run/udev/data/c29:[0-9]* r,
`,
    udev: ['KERNEL=="fb[0-9]*"'],
  },
});
