import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "nfs-mount",
  summary: "allows mounting NFS shares onto the snap's own data directories",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Shares are named HOST:PATH; they may be mounted only inside the snap's
    // writable data ($SNAP_DATA and $SNAP_COMMON). snapd also lists the
    // parallel-install instance name, which is the snap name here.
    // AppArmor ignores fstype in umount rules, so the unmount rules match any
    // mount there (such as a content interface's bind mount).
    apparmor: `
capability sys_admin,
mount fstype=nfs{,4} *:** -> /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},
mount fstype=nfs{,4} *:** -> /var/snap/@{SNAP_NAME}/common/{,**},
umount fstype=nfs{,4} /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},
umount fstype=nfs{,4} /var/snap/@{SNAP_NAME}/common/{,**},
# umount(8) runs here (mounting goes through the mount.nfs helper); it reads
# the process's mount table, which the base profile grants already.
# libmount's write to /run/mount/utab is denied and harmless, as in snapd.
/{,usr/}bin/umount ixr,
# RPC program numbers, for reaching mountd and the lock manager.
/etc/rpc r,
`,
    seccomp: `
mount
umount
umount2
`,
  },
});
