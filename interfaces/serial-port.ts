import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, AttrValue, SlotInfo } from "../src/snap/index.js";

// Serial device nodes by driver: USB-serial adapters, CDC-ACM modems, ARM
// AMBA UARTs, Exar USB, 8250/16550 UARTs, Omap, and the common SoC UARTs.
const TTY_PATH = /^\/dev\/tty(?:USB|ACM|AMA|XRUSB|S|O|mxc|MSM|HS|GS|LP)(?:0|[1-9][0-9]{0,3})$/;
// With usb-vendor/usb-product the node is a stable name the udev rule creates.
const SYMLINK_PATH = /^\/dev\/serial-port-[a-z0-9]{1,32}$/;

function usbId(v: AttrValue | undefined, key: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 0xffff) throw new AttributeProblem(`${key} must be a USB id from 0 to 0xffff, not ${JSON.stringify(v)}`);
  return v.toString(16).padStart(4, "0");
}

interface SerialSlot {
  readonly path: string;
  readonly usb?: { readonly vendor: string; readonly product: string };
}

function serialSlot(slot: SlotInfo): SerialSlot {
  const vendor = usbId(slot.attrs["usb-vendor"], "usb-vendor");
  const product = usbId(slot.attrs["usb-product"], "usb-product");
  const p = slot.attrs["path"];
  if (p === undefined) throw new AttributeProblem("serial-port slot must set path");
  if (typeof p !== "string") throw new AttributeProblem(`path must be a string, not ${JSON.stringify(p)}`);
  if ((vendor === undefined) !== (product === undefined)) throw new AttributeProblem("usb-vendor and usb-product go together");
  const where = `serial-port slot ${slot.snap}:${slot.name} path`;
  if (vendor !== undefined && product !== undefined) {
    if (!SYMLINK_PATH.test(p)) throw new AttributeProblem(`path of a USB serial slot must be /dev/serial-port-NAME (lowercase letters and digits), not ${JSON.stringify(p)}`);
    return { path: safeAbsolutePath(p, where), usb: { vendor, product } };
  }
  if (!TTY_PATH.test(p)) throw new AttributeProblem(`path must be a serial device such as /dev/ttyUSB0, /dev/ttyACM0 or /dev/ttyS0, not ${JSON.stringify(p)}`);
  return { path: safeAbsolutePath(p, where) };
}

export default defineInterface({
  name: "serial-port",
  summary: "allows access to one serial port chosen by the gadget",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    onlyKnownAttrs(slot.attrs, ["path", "usb-vendor", "usb-product", "usb-interface-number"]);
    const n = slot.attrs["usb-interface-number"];
    if (n !== undefined && (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 31)) {
      throw new AttributeProblem(`usb-interface-number must be a whole number from 0 to 31, not ${JSON.stringify(n)}`);
    }
    serialSlot(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const s = serialSlot(ctx.slot);
      if (!s.usb) return `\n# The one serial device the slot names (k: lock files some tools take on it).\n${s.path} rwk,\n`;
      // The stable name is a symlink to whichever ttyUSB/ttyACM node the adapter
      // got; the device cgroup (udev tag on the vendor and product) narrows it.
      return `\n# The adapter's stable name and the USB serial node it points to.\n${s.path} rwk,\n/dev/tty{USB,ACM}[0-9]* rwk,\n`;
    },
    udev: (ctx) => {
      const s = serialSlot(ctx.slot);
      if (!s.usb) return [`SUBSYSTEM=="tty", KERNEL=="${s.path.slice("/dev/".length)}"`];
      // 60-serial.rules imports usb_id for USB serial nodes, which sets these.
      return [`SUBSYSTEM=="tty", ENV{ID_VENDOR_ID}=="${s.usb.vendor}", ENV{ID_MODEL_ID}=="${s.usb.product}"`];
    },
  },
  examples: { slot: { path: "/dev/ttyUSB0" } },
});
