import { defineInterface } from "../src/iface/index.js";

// The mount targets: the snap's data, under its name or its instance name.
const DATA = "/var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/**/";

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
    // chroot of the whole host, entered with sudo and systemd-run, which run
    // unconfined.
    apparmor: `
# Creating it: unpacking the core snap, with owners, modes and device nodes.
/{,usr/}bin/unsquashfs ixr,
/var/lib/snapd/snaps/core_*.snap r,
capability chown,
capability fowner,
capability mknod,
# Running anything unconfined through sudo.
/{,usr/}bin/sudo Uxr,
capability fsetid,
capability dac_override,
# Copying the configuration in.
/etc/{,**} r,
/var/lib/extrausers/{,*} r,
# Bind-mounting the host's trees into it, and its own mount table.
capability sys_admin,
/{,usr/}bin/mount ixr,
/{,usr/}bin/mountpoint ixr,
/run/mount/utab rw,
owner @{PROC}/@{pid}/mountinfo r,
owner @{PROC}/self/mountinfo r,
mount options=(rw bind) /home/ -> ${DATA},
mount options=(rw bind) /run/ -> ${DATA},
mount options=(rw bind) /proc/ -> ${DATA},
mount options=(rw bind) /sys/ -> ${DATA},
mount options=(rw bind) /dev/ -> ${DATA},
mount options=(rw bind) / -> ${DATA},
mount fstype=devpts options=(rw) devpts -> /dev/pts/,
mount options=(rw rprivate) -> ${DATA},
# Taking it apart again.
/{,usr/}bin/umount ixr,
umount ${DATA},
# Running anything unconfined, and managing systemd.
/usr/bin/systemd-run Uxr,
/bin/systemctl Uxr,
`,
    // The filter stays on across the unconfined exec of sudo, so the calls
    // sudo makes are allowed here too.
    seccomp: `
# Creating it: any owner, device nodes, chroot.
chown
chown32
lchown
lchown32
fchown
fchown32
fchownat
mknod
chroot
# sudo.
bind
sendmsg
sendmmsg
sendto
recvfrom
recvmsg
setgroups
setgroups32
# Mounting and unmounting.
mount
getsockopt
umount
umount2
`,
  },
});
