import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "system-backup",
  summary: "allows reading every file of the system, except device, kernel and process trees, for backups",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Plugboard runs apps on a read-only view of the host's root, so these
    // rules reach the host's files directly; snapd's copies of them under
    // /var/lib/snapd/hostfs (where it mounts the host beside the base snap)
    // have nothing to match here and are left out.
    apparmor: `
# Reading files regardless of their owner and mode is the point of a backup.
capability dac_read_search,

# Everything readable, spelled so as to leave out /dev, /sys and /proc (the
# patterns exclude those three names one letter at a time).
/[^dsp]** r,
/{d[^e],s[^y],p[^r]}** r,
/{de[^v],sy[^s],pr[^o]}** r,
/{dev[^/],sys[^/],pro[^c]}** r,
/proc[^/]** r,
# Names the patterns above miss: short names sharing a prefix with the three,
# and the three directories themselves (listing only).
/{d,de,p,pr,pro,s,sy}/** r,
/{d,de,dev,p,pr,pro,proc,s,sy,sys}{,/} r,
`,
  },
});
