import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "wayland",
  summary: "allows drawing windows through a Wayland compositor, or operating as one",
  // On classic the host's compositor provides the slot; on core an app snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": { "on-classic": false },
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# The compositor's socket in the user's runtime directory; buffers come as
# file descriptors over it.
owner /run/user/[0-9]*/ r,
owner /run/user/[0-9]*/wayland-[0-9]* rw,
/usr/share/X11/xkb/** r,
${ctx.slotIsSystem ? "" : `unix (connect, send, receive) type=stream peer=(label=${ctx.slotLabel}),`}
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept the client's connection and exchange buffers with it.
unix (accept, send, receive) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as a compositor: its socket and lock, graphics and input devices,
# and the virtual terminal it takes over.
capability sys_tty_config,
owner /run/user/[0-9]*/ r,
owner /run/user/[0-9]*/wayland-[0-9]* rwk,
owner /run/user/[0-9]*/wayland-[0-9]*.lock rwk,
/dev/dri/ r,
/dev/dri/card[0-9]* rw,
/dev/dri/renderD[0-9]* rw,
/dev/input/ r,
/dev/input/event[0-9]* rw,
/dev/tty[0-9]* rw,
/sys/class/drm/ r,
/sys/class/input/ r,
/sys/devices/**/drm/** r,
/sys/devices/**/input/** r,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/c226:[0-9]* r,
/run/udev/data/+input:* r,
/usr/share/X11/xkb/** r,
`,
    // A compositor listens on its socket and accepts each client.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
listen
accept
accept4
`,
    udev: ['SUBSYSTEM=="drm", KERNEL=="card[0-9]*"', 'SUBSYSTEM=="input", KERNEL=="event[0-9]*"', 'SUBSYSTEM=="tty", KERNEL=="tty[0-9]*"'],
  },
});
