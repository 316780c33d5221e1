import { AttributeProblem, defineInterface } from "../src/iface/index.js";
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
    // Only path is checked, as in snapd; other attributes are ignored.
    if (slot.attrs["path"] === undefined) throw new AttributeProblem("uio slot must set path");
    uioPath(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const path = uioPath(ctx.slot);
      // snapd also lets the app write the PCI configuration of the device
      // behind it (/sys/class/uio/uioN/device/config, resolved when the
      // profile is written); a snippet here is written without looking at
      // the machine, so that rule is left out.
      return `
# The one UIO device the slot names (its memory regions are mapped through
# it), and the sysfs descriptions of UIO devices (maps, port regions, name,
# version, event count): read-only, and for all of them, as in snapd.
${path} rw,
/sys/devices/platform/**/uio/uio[0-9]** r,
`;
    },
    udev: (ctx) => [`SUBSYSTEM=="uio", KERNEL=="${uioPath(ctx.slot).slice("/dev/".length)}"`],
  },
  examples: { slot: { path: "/dev/uio0" } },
});
