import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "x11",
  summary: "allows drawing windows through an X11 server, which also lets the client see and type into other windows",
  // On classic the host's X server (or Xwayland) provides the slot; on core an app snap does.
  implicitOn: { core: false, classic: true },
  // X11 has no isolation between clients; kept for programs that are not yet Wayland-native.
  transitional: true,
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": { "on-classic": false },
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# The X server's sockets (path and abstract), the authority cookie, and the
# font and input-method configuration X clients read.
/tmp/.X11-unix/ r,
/tmp/.X11-unix/X[0-9]* rw,
unix (connect, send, receive) type=stream peer=(addr="@/tmp/.X11-unix/X[0-9]*"),
owner @{HOME}/.Xauthority r,
owner /run/user/[0-9]*/gdm/Xauthority r,
owner /run/user/[0-9]*/.mutter-Xwaylandauth.* r,
owner /run/user/[0-9]*/xauth_* r,
/etc/fonts/ r,
/etc/fonts/** r,
/var/cache/fontconfig/ r,
/var/cache/fontconfig/** mr,
/usr/share/X11/** r,
${ctx.slotIsSystem ? "" : `unix (connect, send, receive) type=stream peer=(label=${ctx.slotLabel}),`}
`,
    // MIT-SHM: pixmaps are passed in System V shared memory. Toolkits bind
    // sockets of their own (Qt, to watch input devices).
    seccomp: `
shmget
shmat
shmdt
shmctl
bind
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept the client's connection and share pixmaps with it.
unix (accept, send, receive) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as an X server: its sockets, graphics and input devices, and
# the virtual terminal it draws on.
capability sys_tty_config,
/tmp/.X11-unix/ rw,
/tmp/.X11-unix/X[0-9]* rwk,
/tmp/.X[0-9]*-lock rwk,
unix (bind, listen, accept, send, receive) type=stream addr="@/tmp/.X11-unix/X[0-9]*",
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
/usr/share/X11/** r,
/etc/X11/** r,
`,
    seccomp: `
shmget
shmat
shmdt
shmctl
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
# An X server listens on its sockets and accepts each client.
bind
listen
accept
accept4
`,
    udev: ['SUBSYSTEM=="drm", KERNEL=="card[0-9]*"', 'SUBSYSTEM=="input", KERNEL=="event[0-9]*"', 'SUBSYSTEM=="tty", KERNEL=="tty[0-9]*"'],
  },
});
