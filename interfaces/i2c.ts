import { AttributeProblem, defineInterface, optionalString, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap } from "../src/snap/index.js";

export const I2C_PATH = /^\/dev\/i2c-[0-9]+$/;
// A device directory under /sys/bus/i2c/devices, e.g. "1-0050" (bus-address) or a driver name.
export const I2C_SYSFS_NAME = /^[a-zA-Z0-9_-]+$/;

function endpoint(attrs: AttrMap, where: string): { kind: "path"; path: string; bus: string } | { kind: "sysfs"; dir: string; name: string } {
  const path = attrs["path"];
  const name = attrs["sysfs-name"];
  if (typeof path === "string" && I2C_PATH.test(path)) {
    return { kind: "path", path: safeAbsolutePath(path, where), bus: path.slice("/dev/i2c-".length) };
  }
  if (typeof name === "string" && I2C_SYSFS_NAME.test(name)) {
    return { kind: "sysfs", dir: safeAbsolutePath(`/sys/bus/i2c/devices/${name}`, where), name };
  }
  throw new ValidationError(`${where}: i2c slot has neither a valid path nor a valid sysfs-name`);
}

export default defineInterface({
  name: "i2c",
  summary: "allows access to one I2C bus adapter, or to one I2C device's sysfs attributes",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["gadget", "core"] }, "deny-auto-connection": true },
  },
  // As in snapd: path or sysfs-name, not both; other attributes are left alone.
  sanitizeSlot: (slot) => {
    const path = optionalString(slot.attrs, "path", I2C_PATH, "an I2C adapter node /dev/i2c-N");
    const name = optionalString(slot.attrs, "sysfs-name", I2C_SYSFS_NAME, "a device name under /sys/bus/i2c/devices");
    if ((path === undefined) === (name === undefined)) throw new AttributeProblem("i2c slot must set exactly one of path and sysfs-name");
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx: ConnectedContext) => {
      const e = endpoint(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      return e.kind === "path"
        ? `
# I2C adapter ${e.bus}: its device node, and its sysfs tree (on a platform
# bus, or under an *.i2c controller).
${e.path} rw,
/sys/devices/platform/{*,**.i2c}/i2c-${e.bus}/** rw,
`
        : `
# One I2C device's attributes, under its name in the I2C bus's device list.
${e.dir}/** rw,
`;
    },
    udev: (ctx: ConnectedContext) => {
      const e = endpoint(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      return e.kind === "path" ? [`KERNEL=="i2c-${e.bus}"`] : [];
    },
  },
  examples: { slot: { path: "/dev/i2c-1" } },
});
