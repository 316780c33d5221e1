import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "dvb",
  summary: "allows access to digital TV (DVB) tuner devices",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Frontend, demux, DVR and CA nodes of every adapter, and their udev records
# (major 212).
/dev/dvb/adapter[0-9]*/* rw,
/run/udev/data/c212:[0-9]* r,
`,
    udev: ['SUBSYSTEM=="dvb"'],
  },
});
