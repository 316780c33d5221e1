import { defineInterface } from "../src/iface/index.js";

// Whole disks and their partitions give raw access to every file system on
// them: this is super-privileged (installation needs a snap declaration).
// Loop devices and device-mapper volumes are left out: they belong to other
// interfaces (raw-volume, dm-crypt) and can expose other snaps' data.
export const BLOCK_DEVICE_NODES = [
  "/dev/sd{,[a-h]}[a-z]{,[0-9]*}",
  "/dev/vd[a-z]{,[0-9]*}",
  "/dev/hd[a-t]{,[0-9]*}",
  "/dev/xvd[a-z]{,[0-9]*}",
  "/dev/mmcblk[0-9]*{,p[0-9]*}",
  "/dev/nvme[0-9]*",
  "/dev/nvme[0-9]*n[0-9]*{,p[0-9]*}",
  "/dev/sr[0-9]*",
  "/dev/md[0-9]*",
] as const;

export default defineInterface({
  name: "block-devices",
  summary: "allows raw read and write access to disks and their partitions",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The disk device nodes (whole disks, partitions, NVMe controllers).
${BLOCK_DEVICE_NODES.map((p) => `${p} rwk,`).join("\n")}
# Finding and describing disks.
/dev/disk/ r,
/dev/disk/** r,
/sys/block/ r,
/sys/class/block/ r,
/sys/dev/block/ r,
/sys/devices/**/block/** r,
/sys/devices/**/nvme/** r,
/run/udev/data/b[0-9]*:[0-9]* r,
@{PROC}/partitions r,
# Re-reading partition tables and issuing SCSI and NVMe admin commands.
capability sys_admin,
capability sys_rawio,
`,
    udev: ['SUBSYSTEM=="block"', 'SUBSYSTEM=="nvme", KERNEL=="nvme[0-9]*"'],
  },
});
