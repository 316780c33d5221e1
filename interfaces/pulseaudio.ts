import { defineInterface } from "../src/iface/index.js";

const SYSTEM_BUS_HELLO =
  "dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,RequestName,ReleaseName} peer=(name=org.freedesktop.DBus),";

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
# The server's native socket (per user, or the system-wide one a core snap
# serves), client configuration, and the shared-memory pools audio moves in.
owner /run/user/[0-9]*/ r,
owner /run/user/[0-9]*/pulse/ r,
owner /run/user/[0-9]*/pulse/native rwk,
/run/pulse/native rwk,
/etc/pulse/ r,
/etc/pulse/client.conf r,
/etc/pulse/client.conf.d/ r,
/etc/pulse/client.conf.d/* r,
owner @{HOME}/.config/pulse/cookie rk,
owner /{dev,run}/shm/pulse-shm-* mrwk,
${ctx.slotIsSystem ? "" : `unix (connect, send, receive) type=stream peer=(label=${ctx.slotLabel}),`}
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept the client's connection and share audio buffers with it.
unix (accept, send, receive) type=stream peer=(label=${ctx.plugLabel}),
/{dev,run}/shm/pulse-shm-* mrwk,
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the sound server: ALSA devices, their sysfs and udev data,
# real-time scheduling, its sockets and configuration.
capability sys_nice,
capability sys_resource,
/dev/snd/ r,
/dev/snd/* rw,
/sys/class/sound/ r,
/sys/devices/**/sound/** r,
/run/udev/data/c116:[0-9]* r,
/run/udev/data/+sound:card[0-9]* r,
/usr/share/alsa/** r,
/etc/asound.conf r,
/etc/pulse/ r,
/etc/pulse/** r,
/run/pulse/ rw,
/run/pulse/** rwk,
owner /run/user/[0-9]*/pulse/ rw,
owner /run/user/[0-9]*/pulse/** rwk,
owner /{dev,run}/shm/pulse-shm-* mrwk,
/run/dbus/system_bus_socket rw,
${SYSTEM_BUS_HELLO}
dbus (bind) bus=system name=org.pulseaudio.Server,
`,
    // Device hot-plug events; the server listens on its socket and accepts each client.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
listen
accept
accept4
`,
    udev: ['SUBSYSTEM=="sound"'],
  },
});
