import { AttributeProblem, defineInterface, type ConnectedContext } from "../src/iface/index.js";
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
  // As in snapd, number must be an integer and other attributes are left
  // alone; a negative number, which names no line, is refused here too.
  sanitizeSlot: (slot) => {
    const n = slot.attrs["number"];
    if (n === undefined) throw new AttributeProblem("gpio slot must set number");
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
      throw new AttributeProblem(`number must be a non-negative integer, not ${JSON.stringify(n)}`);
    }
    return slot.attrs;
  },
  connectedPlug: {
    // The line's files, behind its /sys/class/gpio/gpioN link. snapd resolves
    // that link when it writes the profile (and grants nothing if the line
    // is not there then); Plugboard's rules are written without looking at
    // the system, so they name gpioN under any GPIO controller in sysfs.
    // snapd also has a service export the line when the slot is connected;
    // here the line is exported by the system before the app starts.
    apparmor: (ctx: ConnectedContext) => {
      const n = gpioNumber(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      return `
# GPIO line ${n}: its value, direction, edge and the other files of its directory.
/sys/devices/**/gpio/gpio${n}/* rwk,
`;
    },
  },
  examples: { slot: { number: 17 } },
});
