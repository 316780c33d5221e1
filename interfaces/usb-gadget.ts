import { AttributeProblem, defineInterface, verbatimTextProblem, type ConnectedContext } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";
import { mountPatternProblem } from "./mount-control.js";

/**
 * One FunctionFS instance the snap mounts: a function it implements in user
 * space (MTP, ADB, ...). `name` is the instance name given to the functionfs
 * function in configfs, `where` its mount point.
 */
interface FfsMount {
  readonly name: string;
  readonly where: string;
  readonly persistent: boolean;
}

// A mount point is absolute, or inside $SNAP_COMMON or $SNAP_DATA, and may be
// a pattern (snapd's own examples mount onto /media/** and $SNAP_COMMON/**).
// snapd checks it exactly as mount-control's where, so the same check is used.
const WHERE = /^(\$SNAP_COMMON|\$SNAP_DATA)?(\/.+)$/s;

function whereProblem(where: string): string | null {
  const m = WHERE.exec(where);
  if (!m) return "must be an absolute path below \"/\", or start with $SNAP_COMMON/ or $SNAP_DATA/";
  return mountPatternProblem(m[2]!);
}

function entry(v: AttrValue, i: number): FfsMount {
  const at = `ffs-mounts[${i}]`;
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new AttributeProblem(`${at} must be a map with name, where and optionally persistent, not ${JSON.stringify(v)}`);
  const m = v as AttrMap;
  const { name, where } = m;
  if (typeof name !== "string") throw new AttributeProblem(`${at} name must be a string, not ${JSON.stringify(name)}`);
  if (name === "") throw new AttributeProblem(`${at} name must not be empty`);
  const nameProblem = verbatimTextProblem(name);
  if (nameProblem) throw new AttributeProblem(`${at} name ${JSON.stringify(name)} ${nameProblem}`);
  if (typeof where !== "string") throw new AttributeProblem(`${at} where must be a string, not ${JSON.stringify(where)}`);
  const problem = whereProblem(where);
  if (problem) throw new AttributeProblem(`${at} where ${JSON.stringify(where)} ${problem}`);
  const persistent = m["persistent"] ?? false;
  if (typeof persistent !== "boolean") throw new AttributeProblem(`${at} persistent must be true or false, not ${JSON.stringify(persistent)}`);
  // As in snapd: what a persistent mount onto per-revision data should mean
  // across refreshes is not settled, so it is refused.
  if (persistent && where.startsWith("$SNAP_DATA")) throw new AttributeProblem(`${at} where ${JSON.stringify(where)}: a persistent mount cannot be made onto $SNAP_DATA`);
  return { name, where, persistent };
}

/** The plug's FunctionFS mounts, each checked ([] when it has none). */
function ffsMounts(attrs: AttrMap): FfsMount[] {
  const v = attrs["ffs-mounts"];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new AttributeProblem(`ffs-mounts must be a list of {name, where, persistent} maps, not ${JSON.stringify(v)}`);
  return v.map(entry);
}

/** The mount point with $SNAP_COMMON or $SNAP_DATA replaced by the plug snap's directory. */
function target(where: string, ctx: ConnectedContext): string {
  const snap = ctx.plugSnap.name;
  if (where.startsWith("$SNAP_COMMON/")) return `/var/snap/${snap}/common${where.slice("$SNAP_COMMON".length)}`;
  if (where.startsWith("$SNAP_DATA/")) return `/var/snap/${snap}/${ctx.plugRevision}${where.slice("$SNAP_DATA".length)}`;
  return where;
}

export default defineInterface({
  name: "usb-gadget",
  summary: "allows making the device a USB gadget through configfs and serving FunctionFS functions",
  implicitOn: { core: true, classic: false },
  baseDeclaration: {
    plugs: { "allow-installation": { "plug-attributes": { name: "$MISSING", where: "$MISSING", persistent: "$MISSING" } }, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  // snapd checks ffs-mounts when the plug is connected; they are checked at
  // install here, with the same outcome for the connection.
  sanitizePlug: (plug): AttrMap => {
    ffsMounts(plug.attrs);
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const mounts = ffsMounts(ctx.plug.attrs);
      const lines = [
        "# Gadgets are built in configfs by making directories, files and symlinks",
        "# under usb_gadget; a gadget is bound by writing a controller's name from",
        "# /sys/class/udc into it.",
        "/sys/kernel/config/usb_gadget/ r,",
        "/sys/kernel/config/usb_gadget/** rw,",
        "/sys/class/udc/ r,",
        "# Its own mount table in the newer format, which mount tools and some",
        "# runtimes read.",
        "owner @{PROC}/@{pid}/mountinfo r,",
        "owner @{PROC}/self/mountinfo r,",
      ];
      if (mounts.length > 0) {
        lines.push(
          "# Mounting each FunctionFS instance the plug names, with mount(8) and",
          "# umount(8) (its own mounts file is granted by the base profile). The host's",
          "# /run/mount/utab is left alone.",
          "capability sys_admin,",
          "/{,usr/}bin/mount ixr,",
          "/{,usr/}bin/umount ixr,",
          "deny /run/mount/utab* wrlk,",
        );
        for (const m of mounts) {
          const to = target(m.where, ctx);
          lines.push(`mount fstype=(functionfs) "${m.name}" -> "${to}",`, `umount "${to}",`, `${to} rw,`);
        }
      }
      return `\n${lines.join("\n")}\n`;
    },
    // The mount calls themselves are left to the AppArmor mount rules above.
    seccomp: (ctx) => (ffsMounts(ctx.plug.attrs).length > 0 ? "mount\numount\numount2\n" : ""),
  },
  examples: {
    plug: {
      "ffs-mounts": [
        { name: "ffs-dev0", where: "/media/**" },
        { name: "ffs-dev1", where: "/dev/ffs-dev1", persistent: true },
        { name: "ffs-mtp", where: "$SNAP_COMMON/**" },
      ],
    },
  },
});
