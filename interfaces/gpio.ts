import { AttributeProblem, defineInterface, onlyKnownAttrs, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap } from "../src/snap/index.js";

/** The slot's GPIO line number, checked again where it is used. */
function gpioNumber(attrs: AttrMap, where: string): number {
  const n = attrs["number"];
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) throw new ValidationError(`${where}: gpio number ${JSON.stringify(n)} is not a non-negative integer`);
  return n;
}

export default defineInterface({
  name: "gpio",
  summary: "allows reading and driving one GPIO line exported through sysfs",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot) => {
    onlyKnownAttrs(slot.attrs, ["number"]);
    const n = slot.attrs["number"];
    if (n === undefined) throw new AttributeProblem("gpio slot must set number");
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
      throw new AttributeProblem(`number must be a non-negative integer, not ${JSON.stringify(n)}`);
    }
    return slot.attrs;
  },
  connectedPlug: {
    // The line is exported by the system before the app starts; the app may
    // only use its attribute files, not export or unexport lines.
    apparmor: (ctx: ConnectedContext) => {
      const n = gpioNumber(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      const link = safeAbsolutePath(`/sys/class/gpio/gpio${n}`, "gpio line");
      return `
# GPIO line ${n}: its sysfs link, and the attribute files behind it.
/sys/class/gpio/ r,
${link} r,
/sys/devices/**/gpio/gpio${n}/ r,
/sys/devices/**/gpio/gpio${n}/{value,direction,edge,active_low} rw,
`;
    },
  },
  examples: { slot: { number: 17 } },
});
