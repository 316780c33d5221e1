import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "mount-observe",
  summary: "allows reading the mount table, quotas and file system information",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The mount table shows every mount's source and options: reserved for
    // trusted apps.
    apparmor: `
# df (coreutils, wherever the base keeps it) and the tables it reads; htop
# looks at init's mounts to tell whether it runs in a container.
/{bin/,usr/bin/,usr/bin/gnu,usr/lib/cargo/bin/coreutils/}df ixr,
@{PROC}/mounts r,
@{PROC}/1/mounts r,
owner @{PROC}/@{pid}/mounts r,
owner @{PROC}/@{pid}/mountstats r,
owner @{PROC}/@{pid}/mountinfo r,
owner @{PROC}/self/mountinfo r,
owner @{PROC}/@{pid}/task/@{tid}/mounts r,
owner @{PROC}/@{pid}/task/@{tid}/mountinfo r,
/sys/devices/*/block/{,**} r,
# ZFS's ARC statistics (htop counts them in memory use), and swap.
@{PROC}/spl/kstat/zfs/arcstats r,
@{PROC}/swaps r,
# The static and legacy mount tables, and libmount's utab.
/etc/mtab r,
/etc/fstab r,
/run/mount/utab r,
`,
    // Reading quotas and quota formats, as snapd writes the rule: the
    // command compared whole against Q_GETQUOTA (0x800007), Q_GETINFO
    // (0x800005), Q_GETFMT (0x800004), Q_XGETQUOTA (0x5803) and Q_XGETQSTAT
    // (0x5805). snapd also allows listmount and statmount, which the
    // libseccomp Plugboard builds with (2.5) does not know; a rule naming
    // them would not compile.
    seccomp: `
quotactl 0x800007 - - -
quotactl 0x800005 - - -
quotactl 0x800004 - - -
quotactl 0x5803 - - -
quotactl 0x5805 - - -
`,
  },
});
