import { defineInterface, onClassic, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";

// The sound server decides itself whether a client may record (by asking
// whether audio-record is connected); these rules only let the client reach
// the server.

/** The client side: the server's socket in its usual places, and shared buffers. */
function clientRules(ctx: ConnectedContext): string {
  // On a classic system the host's own sound server and its client
  // configuration are there whichever snap provides the slot; a core system
  // has neither, its clients keep such settings inside their snaps.
  const desktop = onClassic(ctx)
    ? `# The host's server: its client configuration, the user's cookie, and
# its per-user socket.
/etc/pulse/ r,
/etc/pulse/** r,
owner @{HOME}/.pulse-cookie rk,
owner @{HOME}/.config/pulse/cookie rk,
owner /{,var/}run/user/*/pulse/ r,
owner /{,var/}run/user/*/pulse/native rwk,
owner /{,var/}run/user/*/pulse/pid r,
`
    : "";
  // A server in a snap keeps its per-user socket in its own runtime
  // directory, or (pipewire-pulse in system mode) in its common data.
  const own = ctx.slotIsSystem
    ? ""
    : `# The providing snap's sockets.
owner /run/user/[0-9]*/snap.${ctx.slotSnap.name}/pulse/ r,
owner /run/user/[0-9]*/snap.${ctx.slotSnap.name}/pulse/native rwk,
owner /run/user/[0-9]*/snap.${ctx.slotSnap.name}/pulse/pid r,
owner ${safeAbsolutePath(`/var/snap/${ctx.slotSnap.name}/common`, "audio-playback slot snap")}/pulse/ r,
owner /var/snap/${ctx.slotSnap.name}/common/pulse/native rwk,
owner /var/snap/${ctx.slotSnap.name}/common/pulse/pid r,
`;
  return `
# Audio buffers shared with the server, its system-wide socket, the user's
# runtime directory, and udev's records of the sound cards.
/{run,dev}/shm/pulse-shm-* mrwk,
owner /{,var/}run/pulse/ r,
owner /{,var/}run/pulse/native rwk,
owner /{,var/}run/pulse/pid r,
owner /{,var/}run/user/[0-9]*/ r,
owner /{,var/}run/user/[0-9]*/pulse/ r,
/run/udev/data/c116:[0-9]* r,
/run/udev/data/+sound:card[0-9]* r,
${desktop}${own}`;
}

export default defineInterface({
  name: "audio-playback",
  summary: "allows playing sound through the sound server",
  // On classic the host's sound server provides the slot; elsewhere a snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    apparmor: clientRules,
    // Controlling the System V shared memory segments older servers use.
    seccomp: `
shmctl
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the sound server. In system mode PulseAudio changes to its
# own user and group at start, and it raises its scheduling priority and
# limits for real-time audio.
capability setuid,
capability setgid,
capability sys_nice,
capability sys_resource,
owner @{PROC}/@{pid}/exe r,
/etc/machine-id r,
# Finding the sound cards through udev, and the machine's vendor for its
# per-model quirks.
network netlink raw,
/sys/devices/virtual/dmi/id/sys_vendor r,
/sys/devices/virtual/dmi/id/bios_vendor r,
/sys/**/sound/** r,
# Its system-wide and per-user runtime directories and sockets, and the
# buffers it shares with clients.
owner /{,var/}run/pulse/ rw,
owner /{,var/}run/pulse/** rwk,
/{run,dev}/shm/pulse-shm-* mrwk,
owner /run/user/[0-9]*/ r,
owner /run/user/[0-9]*/pulse/ rw,
owner /run/user/[0-9]*/pulse/** rw,
# Its configuration (WirePlumber reads it too when PipeWire runs in a container).
/etc/pulse/ r,
/etc/pulse/** r,
`,
    // Serving its sockets, its own persona and priority, shared memory,
    // clearing supplementary groups when it drops privileges, and udev events.
    seccomp: `
personality
setpriority
bind
listen
accept
accept4
shmctl
setgroups
setgroups32
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    // The mixer controls, PCM streams and the timer it plays through.
    udev: ['KERNEL=="controlC[0-9]*"', 'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"', 'KERNEL=="timer"'],
  },
});
