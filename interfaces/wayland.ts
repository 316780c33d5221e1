import { defineInterface, onClassic } from "../src/iface/index.js";

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
# The compositor's socket in the user's runtime directory (buffers come as
# file descriptors over it), and Mesa's configuration (wayland-egl).
owner /run/user/[0-9]*/wayland-[0-9]* rw,
/etc/drirc r,
${
  // On core the compositor is always a snap's; on classic snapd leaves the
  // EGLStream rule out, whichever compositor serves the slot.
  onClassic(ctx) || ctx.slotIsSystem
    ? ""
    : `# A compositor snap: EGLStream (NVIDIA) talks over an unnamed socket with it.
# "connect" is kept beyond snapd's rule: Plugboard's base template lets unix
# sockets reach only the snap's own peers, so reaching the compositor's
# socket is granted here.
unix (connect, send, receive) type=stream peer=(label=${ctx.slotLabel}),`
}
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# The shared-memory files the client's toolkit (Mesa, Mutter, SDL, the
# cursor library, Weston, Xwayland) and Firefox make for the compositor in
# the client's runtime directory and /dev/shm.
owner /run/user/[0-9]*/snap.${ctx.plugSnap.name}/{mesa,mutter,sdl,wayland-cursor,weston,xwayland}-shared-* rw,
owner /{dev,run}/shm/snap.${ctx.plugSnap.name}.wayland.mozilla.ipc.[0-9]* rw,
# EGLStream's unnamed socket ("accept" kept beyond snapd's rule, the
# counterpart of the client's connect).
unix (accept, send, receive) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as a compositor: the virtual terminals it configures, its socket
# and lock, clients' shared-memory files (also from unconfined clients and
# from any snap's runtime directory), the user's runtime directory itself
# (when no logind session made it), DRM master (sys_admin), and every input
# device: it reads, and can inject, all input.
capability sys_tty_config,
/dev/tty[0-9]* rw,
owner /run/user/[0-9]*/wayland-[0-9]* rwk,
/run/user/[0-9]*/{mesa,mutter,sdl,wayland-cursor,weston,xwayland}-shared-* rw,
/run/user/[0-9]*/snap.*/{wayland-cursor,xwayland}-shared-* rw,
/run/user/[0-9]*/ w,
capability sys_admin,
/sys/devices/pci**/boot_vga r,
/dev/input/* rw,
# udev: device events and records of input devices and platform devices.
network netlink raw,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/+input:input[0-9]* r,
/run/udev/data/+platform:* r,
/etc/drirc r,
`,
    // A compositor listens on its socket and accepts each client.
    seccomp: `
bind
listen
accept
accept4
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    // snapd also re-triggers the input subsystem so these tags reach devices
    // already present; Plugboard's udev backend applies its own rules.
    udev: ['KERNEL=="tty[0-9]*"', 'KERNEL=="mice"', 'KERNEL=="mouse[0-9]*"', 'KERNEL=="event[0-9]*"', 'KERNEL=="ts[0-9]*"'],
  },
});
