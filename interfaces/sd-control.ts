import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import type { AttrMap, PlugInfo } from "../src/snap/index.js";

// The plug's flavor names the SD controller driver it wants to control. A
// plug without a flavor grants nothing, as in snapd.
const FLAVORS = ["dual-sd"] as const;
type Flavor = (typeof FLAVORS)[number];

/** The plug's flavor, or undefined when it names none; anything else is refused. */
function flavorOf(attrs: AttrMap): Flavor | undefined {
  const v = attrs["flavor"];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !(FLAVORS as readonly string[]).includes(v)) {
    throw new AttributeProblem(`flavor ${JSON.stringify(v)} is not an SD controller flavor this interface knows (valid: ${FLAVORS.join(", ")})`);
  }
  return v as Flavor;
}

const RULES: Record<Flavor, { apparmor: string; udev: readonly string[] }> = {
  "dual-sd": {
    apparmor: `
# The DualSD driver's control node, through which the cards it manages are
# switched and configured.
/dev/DualSD rw,
`,
    udev: ['KERNEL=="DualSD"'],
  },
};

const rulesFor = (plug: PlugInfo) => {
  const flavor = flavorOf(plug.attrs);
  return flavor === undefined ? undefined : RULES[flavor];
};

export default defineInterface({
  name: "sd-control",
  summary: "allows controlling SD cards through a board-specific SD controller driver",
  implicitOn: { core: true, classic: true },
  // Plugs need a store declaration: the driver switches storage under the system.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug): AttrMap => {
    flavorOf(plug.attrs);
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => rulesFor(ctx.plug)?.apparmor ?? "",
    udev: (ctx) => rulesFor(ctx.plug)?.udev ?? [],
  },
  examples: { plug: { flavor: "dual-sd" } },
});
