import { AttributeProblem, cleanPathProblem, defineInterface, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { usbIdAttr } from "./usb-id.js";

// A raw HID node by its kernel name: hidraw0 to hidraw999.
const NODE_PATH = /^\/dev\/hidraw[0-9]{1,3}$/;
// A slot that picks its device by USB ids names the stable link a system udev
// rule gives it, because the hidrawN number changes with plug-in order.
const LINK_PATH = /^\/dev\/hidraw-[a-z0-9]+$/;

interface HidrawSlot {
  readonly path: string;
  readonly usb?: { readonly vendor: string; readonly product: string };
}

/**
 * The slot's device: a fixed node, or a USB device by vendor and product.
 * Either id being set chooses the USB form, which then needs both.
 */
function hidrawSlot(attrs: AttrMap): HidrawSlot {
  const p = attrs["path"];
  if (p === undefined || p === "") throw new AttributeProblem("hidraw slot must set path (a node such as /dev/hidraw0, or /dev/hidraw-NAME with usb-vendor and usb-product)");
  if (typeof p !== "string") throw new AttributeProblem(`path must be a string, not ${JSON.stringify(p)}`);
  // snapd tidies the path before matching it; here an untidy one is refused
  // with the tidy spelling, so the rule grants exactly what the slot says.
  const unclean = cleanPathProblem(p);
  if (unclean) throw new AttributeProblem(`path ${JSON.stringify(p)} ${unclean}`);
  // A string or fractional id also selects the USB form, to be refused below
  // (snapd would quietly treat it as absent; a typo should not change the device).
  if (attrs["usb-vendor"] !== undefined || attrs["usb-product"] !== undefined) {
    const vendor = usbIdAttr(attrs, "usb-vendor", 1);
    const product = usbIdAttr(attrs, "usb-product", 0);
    if (vendor === undefined || product === undefined) throw new AttributeProblem("usb-vendor and usb-product go together: set both or neither");
    if (!LINK_PATH.test(p)) throw new AttributeProblem(`path of a slot chosen by USB ids must be /dev/hidraw-NAME (lowercase letters and digits), not ${JSON.stringify(p)}`);
    return { path: safeAbsolutePath(p, "hidraw slot path"), usb: { vendor, product } };
  }
  if (!NODE_PATH.test(p)) throw new AttributeProblem(`path must be a hidraw node /dev/hidraw0 to /dev/hidraw999, not ${JSON.stringify(p)}`);
  return { path: safeAbsolutePath(p, "hidraw slot path") };
}

export default defineInterface({
  name: "hidraw",
  summary: "allows raw access to one HID device (a node, or a USB device by its ids) chosen by the gadget",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  // As in snapd, attributes hidraw does not read are left alone, so
  // usb-interface-number (which serial-port uses) is accepted and has no effect.
  sanitizeSlot: (slot): AttrMap => {
    hidrawSlot(slot.attrs);
    return slot.attrs;
  },
  // The USB form needs a system udev rule that links the matching device's
  // hidrawN node to the slot's path (SUBSYSTEM=="hidraw", SUBSYSTEMS=="usb",
  // the two ATTRS ids, SYMLINK+="hidraw-NAME"). snapd writes it for the slot;
  // Plugboard's udev output carries device tags only, so the gadget or the
  // image has to ship that rule. Access does not depend on it: the grant
  // below is by the ids.
  connectedPlug: {
    apparmor: (ctx: ConnectedContext) => {
      const s = hidrawSlot(ctx.slot.attrs);
      if (!s.usb) return `\n# The one HID device the slot names.\n${s.path} rw,\n`;
      // AppArmor sees the hidrawN node behind the stable link, whichever number
      // it got; the device cgroup, tagged by the USB ids, lets only that one open.
      return `\n# Whichever hidraw node the slot's USB device has.\n/dev/hidraw[0-9]{,[0-9],[0-9][0-9]} rw,\n`;
    },
    udev: (ctx: ConnectedContext) => {
      const s = hidrawSlot(ctx.slot.attrs);
      if (!s.usb) return [`SUBSYSTEM=="hidraw", KERNEL=="${s.path.slice("/dev/".length)}"`];
      // ATTRS walks up to the USB device that carries the ids. snapd also
      // imports usb_id first, which this match does not need.
      return [`SUBSYSTEM=="hidraw", SUBSYSTEMS=="usb", ATTRS{idVendor}=="${s.usb.vendor}", ATTRS{idProduct}=="${s.usb.product}"`];
    },
  },
  examples: { slot: { path: "/dev/hidraw0" } },
});
