import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";

// A gadget (or the system) declares a kernel driver's netlink protocol as a
// slot: its number ("family") and a name ("family-name") plugs refer to it by.
// AppArmor's network rules only know netlink as a whole, so the protocol
// number is enforced by seccomp, on socket()'s third argument.

// At least two characters: a lowercase letter first, then lowercase letters,
// digits and hyphens, not ending in a hyphen. (snapd lets the last character
// be anything but a hyphen; here it is a letter or digit, since the name ends
// up in a seccomp comment.)
const FAMILY_NAME = /^[a-z]+[a-z0-9-]*[a-z0-9]$/;
// The kernel has 32 netlink protocol numbers (MAX_LINKS); socket() refuses others.
const MAX_FAMILY = 31;

function familyName(attrs: AttrMap, side: "plug" | "slot"): string {
  const v: AttrValue | undefined = attrs["family-name"];
  if (v === undefined) throw new AttributeProblem(`netlink-driver ${side} must set family-name`);
  if (typeof v !== "string") throw new AttributeProblem(`family-name must be a string, not ${JSON.stringify(v)}`);
  if (!FAMILY_NAME.test(v)) {
    throw new AttributeProblem(`family-name ${JSON.stringify(v)} is not a family name (lowercase letters, digits and hyphens, starting with a letter, not ending in a hyphen, at least 2 characters)`);
  }
  return v;
}

function family(attrs: AttrMap): number {
  const v = attrs["family"];
  if (v === undefined) throw new AttributeProblem("netlink-driver slot must set family, the netlink protocol number");
  if (typeof v !== "number" || !Number.isInteger(v)) throw new AttributeProblem(`family must be a whole number, not ${JSON.stringify(v)}`);
  if (v < 0 || v > MAX_FAMILY) throw new AttributeProblem(`family ${v} is not a netlink protocol number (0 to ${MAX_FAMILY})`);
  return v;
}

export default defineInterface({
  name: "netlink-driver",
  summary: "allows talking to a kernel driver over the netlink protocol it registers",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot) => {
    onlyKnownAttrs(slot.attrs, ["family", "family-name"]);
    family(slot.attrs);
    familyName(slot.attrs, "slot");
    return slot.attrs;
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["family-name"]);
    familyName(plug.attrs, "plug");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: `
network netlink,
# Netlink multicast groups need CAP_NET_ADMIN (netlink(7)).
capability net_admin,
`,
    // The slot's protocol only; bind attaches the socket to the driver's port.
    seccomp: (ctx) => `
# netlink family ${familyName(ctx.slot.attrs, "slot")}
socket AF_NETLINK - ${family(ctx.slot.attrs)}
bind
`,
  },
  examples: { plug: { "family-name": "foo-driver" }, slot: { family: 31, "family-name": "foo-driver" } },
});
