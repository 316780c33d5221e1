import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";
import type { AttrMap, AttrValue, SlotInfo } from "../src/snap/index.js";

function index(v: AttrValue | undefined, key: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 65535) {
    throw new AttributeProblem(`${key} must be a whole number from 0 to 65535, not ${JSON.stringify(v)}`);
  }
  return v;
}

/** The chip and channel a slot names, both checked to be plain integers. */
export function pwmChannel(slot: SlotInfo): { chip: number; channel: number } {
  return { chip: index(slot.attrs["chip-number"], "chip-number"), channel: index(slot.attrs["channel"], "channel") };
}

export default defineInterface({
  name: "pwm",
  summary: "allows driving one PWM channel chosen by the gadget through sysfs",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    onlyKnownAttrs(slot.attrs, ["chip-number", "channel"]);
    pwmChannel(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const { chip, channel } = pwmChannel(ctx.slot);
      return `
# Exporting makes the channel's directory appear; the export file takes any
# channel number, but only the named channel's controls are writable.
/sys/class/pwm/pwmchip${chip}/ r,
/sys/class/pwm/pwmchip${chip}/{export,unexport} w,
/sys/devices/**/pwm/pwmchip${chip}/ r,
/sys/devices/**/pwm/pwmchip${chip}/{export,unexport} w,
/sys/class/pwm/pwmchip${chip}/pwm${channel}/ r,
/sys/class/pwm/pwmchip${chip}/pwm${channel}/{duty_cycle,enable,period,polarity} rw,
/sys/devices/**/pwm/pwmchip${chip}/pwm${channel}/ r,
/sys/devices/**/pwm/pwmchip${chip}/pwm${channel}/{duty_cycle,enable,period,polarity} rw,
`;
    },
  },
  examples: { slot: { "chip-number": 0, channel: 1 } },
});
