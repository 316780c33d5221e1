import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, SlotInfo } from "../src/snap/index.js";

// Partitions only (never a whole disk, nor loop, RAM, optical, generic SCSI,
// network, tape or RAID devices), with snapd's limits on disk letters and
// partition numbers: IDE hda-hdt (1-63), SCSI/SATA/USB sda-sdiv (1-15), I2O
// i2o/hda-hddx (1-15), MMC mmcblk0-999 (1-63), NVMe nvme0-99 with an optional
// namespace 1-63 (1-63), virtio vda-vdz (1-63).
const P63 = "(?:[1-9]|[1-5][0-9]|6[0-3])";
const P15 = "(?:[1-9]|1[0-5])";
const VOLUME_PATH = new RegExp(
  `^/dev/(?:hd[a-t]${P63}|sd(?:[a-z]|[a-h][a-z]|i[a-v])${P15}|i2o/hd(?:[a-z]|[a-c][a-z]|d[a-x])${P15}|mmcblk(?:[0-9]|[1-9][0-9]{1,2})p${P63}|nvme(?:[0-9]|[1-9][0-9])(?:n${P63})?p${P63}|vd[a-z]${P63})$`,
);

function volumePath(slot: SlotInfo): string {
  const p = slot.attrs["path"];
  if (typeof p !== "string" || !VOLUME_PATH.test(p)) {
    throw new AttributeProblem(`path must be a disk partition such as /dev/sda1, /dev/vda2, /dev/mmcblk0p1 or /dev/nvme0n1p1, not ${JSON.stringify(p)}`);
  }
  return safeAbsolutePath(p, `raw-volume slot ${slot.snap}:${slot.name} path`);
}

export default defineInterface({
  name: "raw-volume",
  summary: "allows raw read and write access to one disk partition chosen by the gadget",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true, "deny-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    // Only path is checked, as in snapd; other attributes are ignored.
    if (slot.attrs["path"] === undefined) throw new AttributeProblem("raw-volume slot must set path");
    volumePath(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const path = volumePath(ctx.slot);
      const dev = path.slice("/dev/".length);
      return `
# The one partition the slot names; writing to it needs sys_admin.
${path} rw,
capability sys_admin,
# Block devices' sysfs attributes and udev records (size, alignment, which
# disk a partition is on).
@{PROC}/devices r,
/run/udev/data/b[0-9]*:[0-9]* r,
/sys/block/ r,
/sys/devices/**/block/** r,
# Formatting it with ext2/3/4 or FAT.
/{,usr/}sbin/mke2fs ixr,
/{,usr/}sbin/mkfs.fat ixr,
`;
    },
    udev: (ctx) => [`KERNEL=="${volumePath(ctx.slot).slice("/dev/".length)}"`],
  },
  examples: { slot: { path: "/dev/sda1" } },
});
