import { defineInterface, onClassic } from "../src/iface/index.js";

export default defineInterface({
  name: "pulseaudio",
  summary: "allows playing and recording sound through a PulseAudio server (or PipeWire's PulseAudio socket)",
  // On classic the host's sound server provides the slot; on core an app snap does.
  implicitOn: { core: false, classic: true },
  // Superseded by audio-playback and audio-record, which split playing from recording.
  transitional: true,
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# The shared-memory pools audio moves in, the server's sockets (the
# system-wide one, and the user's), and udev's records of sound devices.
/{run,dev}/shm/pulse-shm-* mrwk,
owner /{,var/}run/pulse/ r,
owner /{,var/}run/pulse/native rwk,
owner /{,var/}run/pulse/pid r,
owner /{,var/}run/user/[0-9]*/ r,
owner /{,var/}run/user/[0-9]*/pulse/ r,
/run/udev/data/c116:[0-9]* r,
/run/udev/data/+sound:card[0-9]* r,
${
  // Only a classic system has the desktop's client configuration and a
  // per-user server of the host; on core clients carry their settings.
  onClassic(ctx)
    ? `# The desktop's client configuration and cookie, and the user's server.
/etc/pulse/ r,
/etc/pulse/** r,
owner @{HOME}/.pulse-cookie rk,
owner @{HOME}/.config/pulse/cookie rk,
owner /{,var/}run/user/*/pulse/ r,
owner /{,var/}run/user/*/pulse/native rwk,
owner /{,var/}run/user/*/pulse/pid r,`
    : ""
}
${
  ctx.slotIsSystem
    ? ""
    : `# A server snap's socket, in its own runtime directory.
owner /run/user/[0-9]*/snap.${ctx.slotSnap.name}/pulse/ r,
owner /run/user/[0-9]*/snap.${ctx.slotSnap.name}/pulse/native rwk,
owner /run/user/[0-9]*/snap.${ctx.slotSnap.name}/pulse/pid r,
# Kept beyond snapd's module: Plugboard's base template lets unix sockets
# reach only the snap's own peers, so reaching the server snap is granted here.
unix (connect, send, receive) type=stream peer=(label=${ctx.slotLabel}),`
}
`,
    // Clients share memory pools with the server through System V shm too.
    seccomp: `
shmctl
`,
  },
  connectedSlot: {
    // Kept beyond snapd's module (which has no connected-slot rules): the
    // counterpart of the client's unix rule above.
    apparmor: (ctx) => `
unix (accept, send, receive) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the sound server. In system mode it switches to its own user
# and group; real-time scheduling and higher limits for audio threads.
capability setuid,
capability setgid,
capability sys_nice,
capability sys_resource,
owner @{PROC}/@{pid}/exe r,
/etc/machine-id r,
# Sound cards: their /proc and sysfs descriptions and the PCM, control and
# timer devices (the alsa interface is the better way to ask for these).
@{PROC}/asound/devices r,
@{PROC}/asound/card** r,
/dev/snd/pcm* rw,
/dev/snd/control* rw,
/dev/snd/timer r,
/sys/**/sound/** r,
# Device discovery through udev: its event socket, its database and the
# machine's vendor names (for per-model quirks).
network netlink raw,
/sys/devices/virtual/dmi/id/sys_vendor r,
/sys/devices/virtual/dmi/id/bios_vendor r,
/run/udev/data/** r,
# Its own run-time directories and the shared memory pools.
owner /{,var/}run/pulse/ rw,
owner /{,var/}run/pulse/** rwk,
/{run,dev}/shm/pulse-shm-* mrwk,
/usr/share/applications/ r,
owner /run/user/[0-9]*/ r,
owner /run/user/[0-9]*/pulse/ rw,
`,
    seccomp: `
# Serving clients on its unix sockets, the audio threads' priorities, and
# the persona some modules set.
personality
setpriority
bind
listen
accept
accept4
shmctl
# Setting the groups of the state directories it creates.
setgroups
setgroups32
# Device events.
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    udev: ['KERNEL=="controlC[0-9]*"', 'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"', 'KERNEL=="timer"'],
  },
});
