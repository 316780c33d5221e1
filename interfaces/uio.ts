import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, SlotInfo } from "../src/snap/index.js";

const UIO_PATH = /^\/dev\/uio(?:0|[1-9][0-9]{0,3})$/;

function uioPath(slot: SlotInfo): string {
  const p = slot.attrs["path"];
  if (typeof p !== "string" || !UIO_PATH.test(p)) throw new AttributeProblem(`path must be a userspace I/O device such as /dev/uio0, not ${JSON.stringify(p)}`);
  return safeAbsolutePath(p, `uio slot ${slot.snap}:${slot.name} path`);
}

export default defineInterface({
  name: "uio",
  summary: "allows driving one device from user space through the kernel's UIO framework",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    onlyKnownAttrs(slot.attrs, ["path"]);
    if (slot.attrs["path"] === undefined) throw new AttributeProblem("uio slot must set path");
    uioPath(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const path = uioPath(ctx.slot);
      const dev = path.slice("/dev/".length);
      return `
# The one UIO device the slot names (read, write and mmap of its memory
# regions), and its sysfs description (maps, interrupts).
${path} rwm,
/sys/class/uio/ r,
/sys/devices/**/uio/${dev}/ r,
/sys/devices/**/uio/${dev}/** r,
`;
    },
    udev: (ctx) => [`SUBSYSTEM=="uio", KERNEL=="${uioPath(ctx.slot).slice("/dev/".length)}"`],
  },
  examples: { slot: { path: "/dev/uio0" } },
});
