import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "removable-media",
  summary: "allows reading and writing files on removable storage mounted under /media, /run/media and /mnt",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Where desktop automounters (udisks2) and administrators mount USB sticks and SD cards.
/media/ r,
/media/** mrwkl,
/run/media/ r,
/run/media/** mrwkl,
/mnt/ r,
/mnt/** mrwkl,
`,
  },
});
