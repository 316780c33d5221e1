import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "classic-support",
  summary: "allows the classic snap to build and enter a traditional Linux environment",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Super-privileged and deliberately broad: the classic environment is a
    // chroot of the whole host with sudo and systemd-run running unconfined.
    apparmor: `
# Unpacking the base snap into the chroot.
/{,usr/}bin/unsquashfs ixr,
/var/lib/snapd/snaps/*.snap r,
capability chown,
capability fowner,
capability fsetid,
capability mknod,
capability dac_override,
capability sys_admin,
capability sys_chroot,
/etc/ r,
/etc/** r,
/var/lib/extrausers/ r,
/var/lib/extrausers/* r,
# Bind-mounting the host into the chroot kept in the snap's data.
/{,usr/}bin/{mount,umount,mountpoint} ixr,
/run/mount/utab rw,
@{PROC}/@{pid}/mountinfo r,
mount options=(rw, bind) /home/ -> /var/snap/@{SNAP_NAME}/**/,
mount options=(rw, bind) /run/ -> /var/snap/@{SNAP_NAME}/**/,
mount options=(rw, bind) /proc/ -> /var/snap/@{SNAP_NAME}/**/,
mount options=(rw, bind) /sys/ -> /var/snap/@{SNAP_NAME}/**/,
mount options=(rw, bind) /dev/ -> /var/snap/@{SNAP_NAME}/**/,
mount options=(rw, bind) / -> /var/snap/@{SNAP_NAME}/**/,
mount fstype=devpts options=(rw) devpts -> /dev/pts/,
mount options=(rw, rprivate) -> /var/snap/@{SNAP_NAME}/**/,
umount /var/snap/@{SNAP_NAME}/**/,
# Entering it: sudo and systemd-run leave confinement on purpose.
/{,usr/}bin/sudo Uxr,
/usr/bin/systemd-run Uxr,
/{,usr/}bin/systemctl Uxr,
`,
    seccomp: `
chroot
mount
umount
umount2
mknod
mknodat
setgroups
setgroups32
# The filter stays on across the unconfined exec of sudo, which binds a socket.
bind
`,
  },
});
