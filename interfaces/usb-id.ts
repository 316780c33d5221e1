import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";

// USB vendor and product ids given as slot attributes, for the device
// interfaces that pick a USB device by its ids rather than by a node name.

const hex = (n: number) => `0x${n.toString(16).padStart(4, "0")}`;

/**
 * The attribute `key` as the four lowercase hex digits that udev's
 * ATTRS{idVendor} and ATTRS{idProduct} hold, or undefined when it is absent.
 * It must be a YAML integer (0x0403 or 1027) from `min` to 0xffff; a string
 * such as "0403" is refused rather than guessed at.
 */
export function usbIdAttr(attrs: AttrMap, key: string, min = 0): string | undefined {
  const v = attrs[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > 0xffff) {
    throw new AttributeProblem(`${key} must be a USB id, an integer from ${hex(min)} to 0xffff (such as 0x0403), not ${JSON.stringify(v)}`);
  }
  return v.toString(16).padStart(4, "0");
}
