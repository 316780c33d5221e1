import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, AttrValue, SlotInfo } from "../src/snap/index.js";

// Serial device nodes by driver: USB-serial adapters, CDC-ACM modems, ARM
// AMBA UARTs, Exar USB, 8250/16550 UARTs, Omap, i.MX, NXP SC16IS7xx,
// Qualcomm (MSM, GENI), USB gadget serial, NXP Layerscape, RPMSG and MAX3100.
const TTY_PATH = /^\/dev\/tty(?:mxc|USB|ACM|AMA|XRUSB|S|O|SC|MSM|HS|GS|LP|RPMSG|MAX)[0-9]{1,9}$/;
// With usb-vendor/usb-product the node is a stable name the udev rule creates.
const SYMLINK_PATH = /^\/dev\/serial-port-[a-z0-9]{1,32}$/;

function usbNumber(v: AttrValue | undefined, key: string, min: number, max: number, digits: number): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new AttributeProblem(`${key} must be a whole number from ${min} to 0x${max.toString(16)}, not ${JSON.stringify(v)}`);
  }
  return v.toString(16).padStart(digits, "0");
}

interface SerialSlot {
  readonly path: string;
  readonly usb?: { readonly vendor: string; readonly product: string; readonly interfaceNumber?: string };
}

function serialSlot(slot: SlotInfo): SerialSlot {
  // As in snapd, any of the three USB attributes makes this a USB adapter
  // slot, and then vendor and product are both required.
  const vendor = usbNumber(slot.attrs["usb-vendor"], "usb-vendor", 1, 0xffff, 4);
  const product = usbNumber(slot.attrs["usb-product"], "usb-product", 0, 0xffff, 4);
  const interfaceNumber = usbNumber(slot.attrs["usb-interface-number"], "usb-interface-number", 0, 31, 2);
  const p = slot.attrs["path"];
  if (p === undefined) throw new AttributeProblem("serial-port slot must set path");
  if (typeof p !== "string") throw new AttributeProblem(`path must be a string, not ${JSON.stringify(p)}`);
  const where = `serial-port slot ${slot.snap}:${slot.name} path`;
  if (vendor !== undefined || product !== undefined || interfaceNumber !== undefined) {
    if (vendor === undefined || product === undefined) throw new AttributeProblem("a USB serial slot must set both usb-vendor and usb-product");
    if (!SYMLINK_PATH.test(p)) throw new AttributeProblem(`path of a USB serial slot must be /dev/serial-port-NAME (lowercase letters and digits), not ${JSON.stringify(p)}`);
    return { path: safeAbsolutePath(p, where), usb: { vendor, product, ...(interfaceNumber !== undefined ? { interfaceNumber } : {}) } };
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
    // Other attributes are ignored, as in snapd.
    serialSlot(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const s = serialSlot(ctx.slot);
      if (!s.usb) return `\n# The one serial device the slot names (k: lock files some tools take on it).\n${s.path} rwk,\n`;
      // The stable name is a symlink to whichever tty node the adapter got, and
      // AppArmor sees that node: any serial-looking tty is allowed, and the
      // device cgroup (udev tag on the vendor and product) narrows it.
      return `\n# The serial node the adapter's stable name points to.\n/dev/tty[A-Z]*[0-9] rwk,\n`;
    },
    udev: (ctx) => {
      const s = serialSlot(ctx.slot);
      if (!s.usb) return [`SUBSYSTEM=="tty", KERNEL=="${s.path.slice("/dev/".length)}"`];
      // snapd imports usb_id in its own rule first; here the distribution's
      // 60-serial.rules has done that for USB serial nodes (the interface
      // number comes from it).
      const base = `SUBSYSTEM=="tty", SUBSYSTEMS=="usb", ATTRS{idVendor}=="${s.usb.vendor}", ATTRS{idProduct}=="${s.usb.product}"`;
      return [s.usb.interfaceNumber !== undefined ? `${base}, ENV{ID_USB_INTERFACE_NUM}=="${s.usb.interfaceNumber}"` : base];
    },
  },
  // Not expressible: snapd's permanent-slot udev rule that creates the
  // /dev/serial-port-NAME symlink for a USB adapter (udev snippets here only
  // tag devices); the gadget or the system must provide that name.
  examples: { slot: { path: "/dev/ttyUSB0" } },
});
