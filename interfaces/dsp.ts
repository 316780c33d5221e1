import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import type { AttrMap, SlotInfo } from "../src/snap/index.js";

// The slot's flavor says which vendor's DSP the board has; each flavor has its
// own device nodes. A slot without a flavor grants nothing, as in snapd.
const FLAVORS = ["ambarella"] as const;
type Flavor = (typeof FLAVORS)[number];

/** The slot's flavor, or undefined when it names none; anything else is refused. */
function flavorOf(attrs: AttrMap): Flavor | undefined {
  const v = attrs["flavor"];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !(FLAVORS as readonly string[]).includes(v)) {
    throw new AttributeProblem(`flavor ${JSON.stringify(v)} is not a DSP flavor this interface knows (valid: ${FLAVORS.join(", ")})`);
  }
  return v as Flavor;
}

const RULES: Record<Flavor, { apparmor: string; udev: readonly string[] }> = {
  ambarella: {
    apparmor: `
# Ambarella CV2x / S6Lm: the DSP's firmware (ucode), the IAV video driver,
# the CV2x vector processor (cavalry), the register debug driver (ambad) and
# the lens controller.
/dev/ucode rw,
/dev/iav rw,
/dev/cavalry rw,
/dev/ambad rw,
/dev/lens rw,
# The vendor's control and status files under /proc/ambarella.
/proc/ambarella/iav r,
/proc/ambarella/ambnl/** rw,
/proc/ambarella/udc r,
/proc/ambarella/clock r,
/proc/ambarella/dsp_print rw,
/proc/ambarella/hdmi_edid r,
/proc/ambarella/cma r,
/proc/ambarella/ambarella_hwtimer rw,
/proc/ambarella/ambarella_hwtimer_outfreq rw,
/proc/ambarella/vapi_sync r,
/proc/ambarella/dsp_state r,
# Image DSP state of each video input (vin0_idsp, vin1_idsp, ...).
/proc/ambarella/vin[0-9]_idsp r,
# DMA controllers, named by their bus address (e0020000.dma, e0021000.dma).
/proc/ambarella/[0-9a-e][0-9a-e][0-9a-e][0-9a-e][0-9a-e][0-9a-e][0-9a-e][0-9a-e].dma rw,
# The USB PHY wired to the DSP.
/proc/ambarella/usbphy0 rw,
`,
    udev: ['KERNEL=="iav"', 'KERNEL=="cavalry"', 'KERNEL=="ucode"', 'KERNEL=="lens"', 'KERNEL=="ambad"'],
  },
};

const rulesFor = (slot: SlotInfo) => {
  const flavor = flavorOf(slot.attrs);
  return flavor === undefined ? undefined : RULES[flavor];
};

export default defineInterface({
  name: "dsp",
  summary: "allows controlling the digital signal processor of particular boards",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["gadget", "core"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    flavorOf(slot.attrs);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => rulesFor(ctx.slot)?.apparmor ?? "",
    udev: (ctx) => rulesFor(ctx.slot)?.udev ?? [],
  },
  examples: { slot: { flavor: "ambarella" } },
});
