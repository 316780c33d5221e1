import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "alsa",
  summary: "allows direct access to sound devices through ALSA",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The ALSA device nodes, udev's records of them (major 116) and of the cards,
# the saved mixer state, and the card information in procfs.
/dev/snd/ r,
/dev/snd/* rw,
/run/udev/data/c116:[0-9]* r,
/run/udev/data/+sound:card[0-9]* r,
/var/lib/alsa/{,*} r,
@{PROC}/asound/ r,
@{PROC}/asound/** rw,
`,
    udev: [
      'KERNEL=="controlC[0-9]*"',
      'KERNEL=="hwC[0-9]*D[0-9]*"',
      'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"',
      'KERNEL=="midiC[0-9]*D[0-9]*"',
      'KERNEL=="timer"',
      'KERNEL=="seq"',
      'SUBSYSTEM=="sound", KERNEL=="card[0-9]*"',
    ],
  },
});
