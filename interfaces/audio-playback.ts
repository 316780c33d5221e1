import { defineInterface, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";

/** The sound server's socket: the host's per-user one, or the providing snap's. */
export function pulseSocketRules(ctx: ConnectedContext): string {
  const own = ctx.slotIsSystem
    ? ""
    : `# The providing snap's server socket.\n${safeAbsolutePath(`/var/snap/${ctx.slotSnap.name}/common`, "audio slot snap")}/pulse/native rw,\n`;
  return `
# Reach the sound server (PulseAudio or PipeWire's pulse socket) and share
# audio buffers with it through memfd or /dev/shm.
owner /run/user/[0-9]*/ r,
owner /run/user/[0-9]*/pulse/ r,
owner /run/user/[0-9]*/pulse/native rw,
owner /run/user/[0-9]*/pulse/pid r,
/run/pulse/native rw,
/etc/pulse/ r,
/etc/pulse/client.conf r,
/etc/pulse/client.conf.d/{,*} r,
owner @{HOME}/.config/pulse/client.conf r,
owner /{dev,run}/shm/pulse-shm-* mrwk,
${own}`;
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
  connectedPlug: { apparmor: pulseSocketRules },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept the connected snap's clients on the server socket and exchange buffers.
unix (receive, send, accept) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the sound server: the ALSA devices, real-time scheduling, and
# the server's own socket in the snap's common data.
/dev/snd/ r,
/dev/snd/* rw,
@{PROC}/asound/ r,
@{PROC}/asound/** r,
/sys/class/sound/ r,
/sys/devices/**/sound/** r,
/run/udev/data/c116:[0-9]* r,
/usr/share/alsa/** r,
/etc/pulse/ r,
/etc/pulse/** r,
owner /{dev,run}/shm/pulse-shm-* mrwk,
capability sys_nice,
capability sys_resource,
`,
    // The server listens on its socket and accepts each client.
    seccomp: `
bind
listen
accept
accept4
`,
    udev: ['SUBSYSTEM=="sound"'],
  },
});
