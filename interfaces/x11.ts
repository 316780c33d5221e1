import { defineInterface } from "../src/iface/index.js";

/**
 * What font users read: the system's and the user's fonts and fontconfig
 * configuration and caches (the host's AppArmor 3.0 fonts abstraction).
 */
export const FONTS = `/usr/share/AbiSuite/fonts/** r,
/usr/lib/xorg/modules/fonts/**.so* mr,
/usr/share/fonts/{,**} r,
/usr/share/fonts-*/{,**} r,
/etc/fonts/** r,
/usr/share/{fontconfig,fonts-config,*-fonts}/conf.avail/{,**} r,
/usr/share/ghostscript/fonts/{,**} r,
/opt/kde3/share/fonts/** r,
/usr/lib{,32,64}/openoffice/share/fonts/** r,
/var/cache/fonts/** r,
/var/cache/fontconfig/** mr,
/var/lib/defoma/** mr,
/usr/share/a2ps/fonts/** r,
/usr/share/xfce/fonts/** r,
/usr/share/javascript/*/fonts/** r,
/usr/share/texmf/{,*/}fonts/** r,
/usr/share/texlive/texmf-dist/fonts/** r,
/var/lib/ghostscript/** r,
owner @{HOME}/.fonts.conf r,
owner @{HOME}/.fonts/ r,
owner @{HOME}/.fonts/** r,
owner @{HOME}/.local/share/fonts/ r,
owner @{HOME}/.local/share/fonts/** r,
owner @{HOME}/.fonts.cache-2 mr,
owner @{HOME}/.{,cache/}fontconfig/ rw,
owner @{HOME}/.{,cache/}fontconfig/** mrl,
owner @{HOME}/.fonts.conf.d/ r,
owner @{HOME}/.fonts.conf.d/** r,
owner @{HOME}/.config/fontconfig/ r,
owner @{HOME}/.config/fontconfig/** r,
owner @{HOME}/.Fontmatrix/Activated/ r,
owner @{HOME}/.Fontmatrix/Activated/** r,
/usr/local/share/fonts/ r,
/usr/local/share/fonts/** r,
/usr/share/poppler/cMap/** r,
/usr/share/libthai/thbrk.tri r,`;

/**
 * What an X client reads and reaches (the host's AppArmor 3.0 X abstraction,
 * with the DRI part it pulls in): the authority files display managers
 * write, the server's sockets, X's data, DRI drivers and devices.
 */
export const X_CLIENT = `/usr/lib{,32,64}/dri/** mr,
/usr/lib/@{multiarch}/dri/** mr,
/usr/lib/fglrx/dri/** mr,
/dev/dri/ r,
/dev/dri/** rw,
/etc/drirc r,
/usr/share/drirc.d/{,*.conf} r,
owner @{HOME}/.drirc r,
owner @{HOME}/.ICEauthority r,
owner @{run}/user/*/ICEauthority r,
owner @{HOME}/.Xauthority r,
owner @{HOME}/.local/share/sddm/.Xauthority r,
owner @{run}/gdm{,3}/*/database r,
owner @{run}/lightdm/authority/[0-9]* r,
owner @{run}/lightdm/*/xauthority r,
owner @{run}/user/*/gdm/Xauthority r,
owner @{run}/user/*/X11/Xauthority r,
owner @{run}/user/*/xauth_* r,
/tmp/.X11-unix/* rw,
unix (connect, receive, send) type=stream peer=(addr="@/tmp/.X11-unix/X[0-9]*"),
unix (connect, receive, send) type=stream peer=(addr="@/tmp/.ICE-unix/[0-9]*"),
/usr/include/X11/ r,
/usr/include/X11/** r,
/usr/X11R6/** r,
/usr/share/X11/ r,
/usr/share/X11/** r,
/usr/X11R6/**.so* mr,
/usr/lib/@{multiarch}/egl/*.so* mr,
owner @{HOME}/.XCompose r,
/var/cache/libx11/compose/* r,
deny /var/cache/libx11/compose/* wlk,
/etc/X11/cursors/ r,
/etc/X11/cursors/** r,
owner @{run}/user/*/.mutter-Xwaylandauth.* r,`;

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
    // The X rules do not name the server's label; the server snap's own
    // connected-slot rules decide which clients it accepts.
    apparmor: `
${X_CLIENT}
${FONTS}
owner @{HOME}/.local/share/fonts/{,**} r,
/var/cache/fontconfig/ r,
/var/cache/fontconfig/** mr,
# The user's copy of the authority file, and Mutter's and KDE's Xwayland ones.
owner /run/user/[0-9]*/.Xauthority r,
owner /run/user/[0-9]*/.mutter-Xwaylandauth.* r,
owner /run/user/[0-9]*/mutter/Xauthority r,
owner /run/user/[0-9]*/xauth_* r,
# Qt finds mice and keyboards through udev (the filter allows only the
# uevent protocol).
network netlink raw,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/+input:* r,
# The X rules above also reach the session manager's ICE sockets and
# authority; that is refused.
deny owner @{HOME}/.ICEauthority r,
deny owner /run/user/*/ICEauthority r,
deny unix (connect, receive, send) type=stream peer=(addr="@/tmp/.ICE-unix/[0-9]*"),
# Not granted: snapd bind mounts the server's /tmp/.X11-unix into the snap's
# private /tmp; Plugboard's launcher has no such mount, so clients reach the
# server through its abstract socket.
`,
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
# Kept beyond snapd's module: snapd's default filter lets every snap use
# System V shared memory, Plugboard's does not; X clients pass pixmaps in
# it (MIT-SHM).
shmget
shmat
shmdt
shmctl
`,
  },
  connectedSlot: {
    // Only for a snap that provides the server; the host's runs unconfined.
    apparmor: (ctx) =>
      ctx.slotIsSystem
        ? ""
        : `
# The connected client may connect to the server's display sockets (and
# the old ICE sockets).
unix (connect, receive, send, accept) type=stream addr="@/tmp/.X11-unix/X[0-9]*" peer=(label=${ctx.plugLabel}),
unix (connect, receive, send, accept) type=stream addr="@/tmp/.ICE-unix/[0-9]*" peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as an X server: the virtual terminals it configures, DRM master
# (sys_admin), every input device (it reads, and can inject, all input),
# udev's records, its display and ICE sockets, the NVIDIA Tegra socket, and
# the PCI attributes it picks screens by.
capability sys_tty_config,
/dev/tty[0-9]* rw,
capability sys_admin,
/dev/input/* rw,
network netlink raw,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/+input:input[0-9]* r,
/run/udev/data/+platform:* r,
unix (bind, listen, accept) type=stream addr="@/tmp/.X11-unix/X[0-9]*",
unix (bind, listen, accept) type=stream addr="@/tmp/.ICE-unix/[0-9]*",
unix (bind, listen, accept) type=dgram addr="@nvidia[0-9a-f]*",
/sys/devices/pci**/boot_vga r,
/sys/devices/pci**/resources r,
`,
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
