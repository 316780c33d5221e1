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
# The ALSA device nodes, the card information in procfs and sysfs, and the
# library's configuration.
/dev/snd/ r,
/dev/snd/* rw,
/run/udev/data/c116:[0-9]* r,
@{PROC}/asound/ r,
@{PROC}/asound/** rw,
/sys/class/sound/ r,
/sys/devices/**/sound/** r,
/etc/asound.conf r,
/usr/share/alsa/** r,
owner @{HOME}/.asoundrc r,
# Cards that share a device through dmix/dsnoop use SysV semaphores and
# shared memory, which need nothing further here.
`,
    udev: [
      'KERNEL=="controlC[0-9]*"',
      'KERNEL=="hwC[0-9]*D[0-9]*"',
      'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"',
      'KERNEL=="midiC[0-9]*D[0-9]*"',
      'SUBSYSTEM=="sound", KERNEL=="timer"',
      'SUBSYSTEM=="sound", KERNEL=="seq"',
      'SUBSYSTEM=="sound", KERNEL=="card[0-9]*"',
    ],
  },
});
