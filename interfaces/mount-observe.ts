import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "mount-observe",
  summary: "allows reading the mount table, quotas and file system information",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# What df, findmnt, mount (listing) and lsblk-like tools read.
@{PROC}/@{pid}/mounts r,
@{PROC}/@{pid}/mountinfo r,
@{PROC}/@{pid}/mountstats r,
@{PROC}/swaps r,
@{PROC}/partitions r,
@{PROC}/filesystems r,
/etc/fstab r,
/etc/mtab r,
/run/mount/utab r,
/sys/devices/**/block/** r,
/sys/fs/ext4/*/options r,
/sys/fs/btrfs/** r,
/{,usr/}bin/{df,findmnt,mount} ixr,
`,
    // Reading quotas (Q_GETQUOTA and friends); setting them needs CAP_SYS_ADMIN, which is not granted.
    seccomp: `
quotactl
`,
  },
});
