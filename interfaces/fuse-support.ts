import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "fuse-support",
  summary: "allows mounting file systems implemented in user space (FUSE)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The FUSE device and its settings; fuse file systems only, mounted in the
# snap's own writable places (its data, /tmp, the user's home).
/dev/fuse rw,
/etc/fuse.conf r,
/sys/fs/fuse/ r,
/sys/fs/fuse/** r,
/{,usr/}bin/fusermount{,3} ixr,
@{PROC}/@{pid}/mountinfo r,
/run/mount/utab{,.lock} rwk,
capability sys_admin,
mount fstype=fuse.* options=(nosuid, nodev) ** -> /tmp/**/,
mount fstype=fuse.* options=(nosuid, nodev) ** -> /var/snap/@{SNAP_NAME}/**/,
mount fstype=fuse.* options=(nosuid, nodev) ** -> @{HOME}/**/,
mount fstype=fuse.* options=(nosuid, nodev) ** -> /run/user/[0-9]*/**/,
umount /tmp/**/,
umount /var/snap/@{SNAP_NAME}/**/,
umount @{HOME}/**/,
umount /run/user/[0-9]*/**/,
`,
    seccomp: `
mount
umount
umount2
`,
    udev: ['KERNEL=="fuse"'],
  },
});
