import { AttributeProblem, defineInterface, optionalString, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap } from "../src/snap/index.js";

export const IIO_PATH = /^\/dev\/iio:device[0-9]+$/;

function device(attrs: AttrMap, where: string): { path: string; name: string } {
  const path = attrs["path"];
  if (typeof path !== "string" || !IIO_PATH.test(path)) throw new ValidationError(`${where}: iio path ${JSON.stringify(path)} is not /dev/iio:deviceN`);
  return { path: safeAbsolutePath(path, where), name: path.slice("/dev/".length) };
}

export default defineInterface({
  name: "iio",
  summary: "allows access to one Industrial I/O sensor device (accelerometers, ADCs, light sensors…)",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["gadget", "core"] }, "deny-auto-connection": true },
  },
  // As in snapd: path must name an IIO device node; other attributes are left alone.
  sanitizeSlot: (slot) => {
    if (optionalString(slot.attrs, "path", IIO_PATH, "an IIO device node /dev/iio:deviceN") === undefined) {
      throw new AttributeProblem("iio slot must set path");
    }
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx: ConnectedContext) => {
      const d = device(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      const n = d.name.slice("iio:device".length);
      return `
# IIO device ${d.name}: its buffer node, and its channels and triggers in
# sysfs, by bus name and where the device sits.
${d.path} rw,
/sys/bus/iio/devices/${d.name}/ r,
/sys/bus/iio/devices/${d.name}/** rwk,
/sys/devices/**/iio:device${n}/** rwk,
/sys/devices/**/iio:device${n}/ r,
`;
    },
    udev: (ctx: ConnectedContext) => [`KERNEL=="${device(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`).name}"`],
  },
  examples: { slot: { path: "/dev/iio:device0" } },
});
