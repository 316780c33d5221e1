import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import type { AttrMap, PlugInfo } from "../src/snap/index.js";

// The plug lists the accelerator units it uses; each unit brings its own
// device nodes. The base declaration only lets a plug connect whose units
// are all known ones.
const UNITS = {
  apu: {
    apparmor: `
# units: apu. The AI processing unit.
/dev/apusys rw,
`,
    udev: ['SUBSYSTEM=="misc", KERNEL=="apusys"'],
  },
  vcu: {
    apparmor: `
# units: vcu. The video processor unit, and the media data path and later
# units numbered after it.
/dev/vcu rw,
/dev/vcu[0-9]* rw,
`,
    udev: ['SUBSYSTEM=="vcu", KERNEL=="vcu"', 'SUBSYSTEM=="vcu[0-9]*", KERNEL=="vcu[0-9]*"'],
  },
} as const;
type Unit = keyof typeof UNITS;
const UNIT_NAMES = Object.keys(UNITS) as Unit[];

/** The plug's units, checked: a non-empty list of known unit names. */
function unitsOf(attrs: AttrMap): Unit[] {
  const v = attrs["units"];
  if (v === undefined) throw new AttributeProblem(`units must be set: a list of the accelerator units used (${UNIT_NAMES.join(", ")})`);
  if (!Array.isArray(v)) throw new AttributeProblem(`units must be a list of strings, not ${JSON.stringify(v)}`);
  if (v.length === 0) throw new AttributeProblem(`units must name at least one unit (${UNIT_NAMES.join(", ")})`);
  return v.map((u, i) => {
    if (typeof u !== "string") throw new AttributeProblem(`units[${i}] must be a string, not ${JSON.stringify(u)}`);
    if (!(UNIT_NAMES as string[]).includes(u)) throw new AttributeProblem(`units[${i}] ${JSON.stringify(u)} is not a known unit (valid: ${UNIT_NAMES.join(", ")})`);
    return u as Unit;
  });
}

/** Each named unit once, in the order first named. */
const unitsIn = (plug: PlugInfo): Unit[] => [...new Set(unitsOf(plug.attrs))];

export default defineInterface({
  name: "mediatek-accel",
  summary: "allows using the AI and video accelerator units of MediaTek Genio devices",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-connection": { "plug-attributes": { units: ["apu", "vcu"] } }, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug): AttrMap => {
    unitsOf(plug.attrs);
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => `\n# MediaTek Genio hardware accelerators, by the units the plug names.\n${unitsIn(ctx.plug).map((u) => UNITS[u].apparmor.trim()).join("\n")}\n`,
    udev: (ctx) => unitsIn(ctx.plug).flatMap((u) => UNITS[u].udev),
  },
  examples: { plug: { units: ["apu", "vcu"] } },
});
