import { defineInterface, optionalBool } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";

// Whole disks give raw access to every file system on them: installing a
// plug needs a snap declaration. Partitions come only with allow-partitions;
// ram disks, CD-ROMs, generic SCSI, tapes and RAID devices are not included.

const DISKS = `
# Finding and describing disks.
@{PROC}/devices r,
/run/udev/data/b[0-9]*:[0-9]* r,
/sys/block/ r,
/sys/devices/**/block/** r,
/sys/dev/block/ r,
/sys/devices/platform/soc/**/mmc_host/** r,
/sys/devices/**/nvme/**/dev r,
# Whole disks: IDE, SCSI, I2O, MMC, virtio, loop (and their control node),
# ZFS volumes (and the ZFS control node), Xen block devices.
/dev/hd[a-t] rwk,
/dev/sd{,[a-h]}[a-z] rwk,
/dev/sdi[a-v] rwk,
/dev/i2o/hd{,[a-c]}[a-z] rwk,
/dev/i2o/hdd[a-x] rwk,
/dev/mmcblk[0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/vd[a-z] rwk,
/dev/loop[0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/loop-control rw,
/dev/zd[0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/zfs rw,
/dev/xvd{,[a-h]}[a-z] rwk,
/dev/xvdi[a-v] rwk,
# Every NVMe namespace (up to 100 controllers with 63 namespaces each), and
# the controllers' character devices, which can change those namespaces. A
# controller's number says nothing about which namespaces it holds.
/dev/nvme{[0-9],[1-9][0-9]}n{[1-9],[1-5][0-9],6[0-3]} rwk,
/dev/nvme{[0-9],[1-9][0-9]} rwk,
# SCSI commands and privileged block ioctls.
capability sys_rawio,
capability sys_admin,
# The LSI MPT and MegaRAID controllers' ioctl nodes.
/dev/mpt2ctl{,_wd} rw,
/dev/megaraid_sas_ioctl_node rw,
# Taking a SCSI path offline or back online.
/sys/devices/**/host*/**/state rw,
# Reading attributes with blkid, and making ext and FAT file systems.
/{,usr/}sbin/blkid ixr,
/{,usr/}sbin/mke2fs ixr,
/{,usr/}sbin/mkfs.fat ixr,
# ZFS pool and dataset features and properties, and the host id a pool records.
/sys/module/zfs/features.*/{,**} r,
/sys/module/zfs/properties.*/{,**} r,
@{PROC}/sys/kernel/spl/hostid r,
/etc/hostid r,
`;

const PARTITIONS = `
# Partitions (allow-partitions).
/dev/hd[a-t][1-9]{,[0-6]} rwk,
/dev/sd[a-z][1-9]{,[0-6]} rwk,
/dev/sdi[a-v][1-9]{,[0-6]} rwk,
/dev/i2o/hd{,[a-c]}[a-z][1-9]{,[0-5]} rwk,
/dev/i2o/hdd[a-x][1-9]{,[0-5]} rwk,
/dev/mmcblk[0-9]{,[0-9],[0-9][0-9]}p[1-9]{,[0-9]} rwk,
/dev/vd[a-z][1-9]{,[0-9]} rwk,
/dev/loop[0-9]{,[0-9],[0-9][0-9]}p[1-9]{,[0-9]} rwk,
/dev/nvme{[0-9],[1-9][0-9]}n{[1-9],[1-5][0-9],6[0-3]}p[1-9]{,[0-9],[0-9][0-9]} rwk,
/dev/xvd{,[a-h]}[a-z][1-9]{,[0-5]} rwk,
/dev/xvdi[a-v][1-9]{,[0-5]} rwk,
`;

const partitions = (attrs: AttrMap) => attrs["allow-partitions"] === true;

export default defineInterface({
  name: "block-devices",
  summary: "allows raw read and write access to disks and their partitions",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  // As in snapd, only allow-partitions is checked (true or false); other
  // attributes are left alone.
  sanitizePlug: (plug): AttrMap => {
    optionalBool(plug.attrs, "allow-partitions");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => DISKS + (partitions(ctx.plug.attrs) ? PARTITIONS : ""),
    // Block devices, and the NVMe, MPT, MegaRAID and ZFS control devices.
    udev: (ctx) => [
      'SUBSYSTEM=="block"',
      'SUBSYSTEM=="nvme"',
      'KERNEL=="mpt2ctl*"',
      'KERNEL=="megaraid_sas_ioctl_node"',
      'KERNEL=="zfs"',
      ...(partitions(ctx.plug.attrs) ? ['SUBSYSTEM=="block", ENV{DEVTYPE}=="partition"'] : []),
    ],
  },
  examples: { plug: { "allow-partitions": true } },
});
