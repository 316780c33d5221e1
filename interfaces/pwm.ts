import { AttributeProblem, defineInterface } from "../src/iface/index.js";
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
    // Only the two numbers are checked, as in snapd; other attributes are ignored.
    pwmChannel(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const { chip, channel } = pwmChannel(ctx.slot);
      return `
# The named channel's files (period, duty cycle, polarity, enable, capture),
# under the chip's device directory (what /sys/class/pwm/pwmchipN links to).
/sys/devices/**/pwm/pwmchip${chip}/pwm${channel}/* rwk,
# Kept beyond snapd's module: snapd exports the channel for the app with a
# service of its own when the plug is connected; Plugboard has no such
# service, so the app exports (and unexports) it itself. The export file
# takes any channel number of this chip.
/sys/devices/**/pwm/pwmchip${chip}/{export,unexport} w,
`;
    },
  },
  examples: { slot: { "chip-number": 0, channel: 1 } },
});
