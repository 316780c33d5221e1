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
# Where desktop automounters (udisks2, per user under /media/USER or
# /run/media/USER) and administrators (/mnt) mount USB sticks and SD cards.
# Listing /media shows the users' names, which /etc/passwd shows anyway.
# Programs on the media may be run inside this profile.
/run/ r,
/{,run/}media/ r,
/{,run/}media/*/ r,
/{,run/}media/*/** mrwklix,
/mnt/ r,
/mnt/** mrwklix,
`,
  },
});
