import { AttributeProblem, defineInterface, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";

// A gadget offers some lines of one GPIO chip; each consumer gets a character
// device of its own carrying just those lines (a gpio-aggregator device), so
// it uses the GPIO chardev API (libgpiod) without seeing the chip's other lines.
//
// Nothing in a profile creates that device. Before the consumer's apps start,
// the system side has to, for each connection:
//  1. load gpio-aggregator (declared below as the slot's kmod) and check that
//     /sys/kernel/config/gpio-aggregator exists, refusing the connection if not;
//  2. find the one chip whose label is listed in source-chip (ignoring
//     aggregator chips), check every line in lines exists on it, and build
//     an aggregator under /sys/kernel/config/gpio-aggregator with those lines
//     in ascending order, then set it live;
//  3. mknod /dev/snap/gpio-chardev/SLOT-SNAP/SLOT with the new gpiochipN's
//     device number, owner and mode;
//  4. have udev tag that gpiochipN snap_SLOT-SNAP_interface_gpio_chardev_SLOT
//     (a rule sorting before 70-plugboard.*, then a trigger), which the
//     consumer's rule below matches, as snapd's helper does;
//  5. link /dev/snap/gpio-chardev/PLUG-SNAP/PLUG to the slot's node;
// and undo all of it on disconnect. snapd does this with a helper run from
// generated oneshot services ordered before the consumer's services. snapd also refuses to connect gpio-chardev and gpio on one snap,
// as both drive the same lines; that check is the system side's too.

/** Where the device of a slot (or a consumer's link to it) lives. */
const chardevPath = (snap: string, name: string) => safeAbsolutePath(`/dev/snap/gpio-chardev/${snap}/${name}`, "gpio-chardev node");

// The characters Go's unicode.IsSpace counts as white space (snapd trims with it).
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** Why the source-chip value is refused, or null. Chip labels reach no rule, only the system side. */
function sourceChipProblem(v: AttrValue | undefined): string | null {
  if (v === undefined) return "gpio-chardev slot must set source-chip (the labels of the chip whose lines it offers)";
  if (!Array.isArray(v)) return `source-chip must be a list of chip labels, not ${JSON.stringify(v)}`;
  if (v.length === 0) return "source-chip must name at least one chip label";
  const seen = new Set<string>();
  for (const [i, chip] of v.entries()) {
    if (typeof chip !== "string") return `source-chip[${i}] must be a string, not ${JSON.stringify(chip)}`;
    if (chip === "") return `source-chip[${i}] must not be empty`;
    if (GO_SPACE.test(chip)) return `source-chip[${i}] ${JSON.stringify(chip)} must not start or end with white space`;
    if (seen.has(chip)) return `source-chip lists ${JSON.stringify(chip)} twice`;
    seen.add(chip);
  }
  return null;
}

const MAX_LINES = 512;
const MAX_OFFSET = 0xffffffff;

/** A line offset as snapd reads it: decimal digits only, no sign, at most 2^32-1. */
function offset(text: string, span: string, which: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) > MAX_OFFSET) throw new AttributeProblem(`lines: the ${which} of ${JSON.stringify(span)} is not a line number (0 to ${MAX_OFFSET})`);
  return Number(text);
}

/**
 * The lines attribute: comma-separated offsets N and ranges N-M (M above N),
 * none overlapping another, at most 512 lines in all. Returns the spans.
 */
export function parseLines(v: AttrValue | undefined): { start: number; end: number }[] {
  if (v === undefined) throw new AttributeProblem('gpio-chardev slot must set lines (line offsets such as "3,5-7")');
  if (typeof v !== "string") throw new AttributeProblem(`lines must be a string such as "3,5-7", not ${JSON.stringify(v)}`);
  const spans: { start: number; end: number }[] = [];
  for (const token of v.split(",")) {
    const dash = token.indexOf("-");
    let span: { start: number; end: number };
    if (dash < 0) {
      const n = offset(token, token, "line");
      span = { start: n, end: n };
    } else {
      span = { start: offset(token.slice(0, dash), token, "start"), end: offset(token.slice(dash + 1), token, "end") };
      if (span.end <= span.start) throw new AttributeProblem(`lines: the range ${JSON.stringify(token)} must end above where it starts`);
    }
    if (spans.some((s) => s.start <= span.end && span.start <= s.end)) throw new AttributeProblem(`lines: ${JSON.stringify(token)} overlaps lines listed before it`);
    spans.push(span);
  }
  const count = spans.reduce((n, s) => n + s.end - s.start + 1, 0);
  if (count > MAX_LINES) throw new AttributeProblem(`lines names ${count} lines; at most ${MAX_LINES} are allowed`);
  return spans.sort((a, b) => a.start - b.start);
}

export default defineInterface({
  name: "gpio-chardev",
  summary: "allows using some lines of a GPIO chip, chosen by the gadget, through the GPIO character device API",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["gadget"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    const problem = sourceChipProblem(slot.attrs["source-chip"]);
    if (problem) throw new AttributeProblem(problem);
    parseLines(slot.attrs["lines"]);
    return slot.attrs;
  },
  permanentSlot: {
    // The aggregator driver must be there before any consumer connects; the
    // gadget's slot is what tells the system this board uses it.
    kmod: { load: ["gpio-aggregator"] },
  },
  connectedPlug: {
    apparmor: (ctx: ConnectedContext) => {
      const node = chardevPath(ctx.slot.snap, ctx.slot.name);
      const links = safeAbsolutePath(`/dev/snap/gpio-chardev/${ctx.plug.snap}`, "gpio-chardev link directory");
      return `
# The slot's aggregated chip (rw for line requests, k for tools that lock it),
# and the directory of this snap's links to it, one per plug.
${node} rwk,
${links}/{,*} r,
`;
    },
    udev: (ctx: ConnectedContext) => [`TAG=="snap_${ctx.slot.snap}_interface_gpio_chardev_${ctx.slot.name}"`],
  },
  examples: { slot: { "source-chip": ["pinctrl-bcm2711"], lines: "17,22-24" } },
});
