import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, SlotInfo } from "../src/snap/index.js";

const N = "(?:[1-9][0-9]{0,2})";
// Partitions only (never a whole disk): IDE, SCSI/SATA/USB, virtio and Xen
// disks, MMC/SD cards and NVMe namespaces.
const VOLUME_PATH = new RegExp(
  `^/dev/(?:(?:hd[a-t]|sd[a-z]{1,2}|vd[a-z]{1,2}|xvd[a-z]{1,2})${N}|mmcblk(?:0|${N})p${N}|nvme(?:0|${N})n${N}p${N})$`,
);

function volumePath(slot: SlotInfo): string {
  const p = slot.attrs["path"];
  if (typeof p !== "string" || !VOLUME_PATH.test(p)) {
    throw new AttributeProblem(`path must be a disk partition such as /dev/sda1, /dev/mmcblk0p1 or /dev/nvme0n1p1, not ${JSON.stringify(p)}`);
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
    onlyKnownAttrs(slot.attrs, ["path"]);
    if (slot.attrs["path"] === undefined) throw new AttributeProblem("raw-volume slot must set path");
    volumePath(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const path = volumePath(ctx.slot);
      const dev = path.slice("/dev/".length);
      return `
# The one partition the slot names, and its sysfs attributes (size, alignment).
${path} rw,
/sys/devices/**/block/*/${dev}/ r,
/sys/devices/**/block/*/${dev}/** r,
`;
    },
    udev: (ctx) => [`SUBSYSTEM=="block", KERNEL=="${volumePath(ctx.slot).slice("/dev/".length)}"`],
  },
  examples: { slot: { path: "/dev/sda1" } },
});
