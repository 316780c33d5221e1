import { AttributeProblem, defineInterface, optionalStringList, verbatimPathProblem } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";

/** Why a personal-files path is refused, or null: "$HOME/" then a clean relative path. */
export function homePathProblem(p: string): string | null {
  if (!p.startsWith("$HOME/")) return 'must start with "$HOME/"';
  const rest = p.slice("$HOME/".length);
  if (rest.length === 0) return "must name something inside $HOME, not $HOME itself";
  // snapd refuses "~" in these paths too, so that no path is read as someone's home.
  if (rest.includes("~")) return 'must not contain "~"';
  // Checked with its leading "/", so "$HOME//x" and "$HOME/../x" are unclean too.
  return verbatimPathProblem(p.slice("$HOME".length), { absolute: true });
}

function paths(attrs: AttrMap, key: "read" | "write"): string[] {
  const v = attrs[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The AppArmor rule for one "$HOME/…" path: the file or directory itself and, for a directory, what is below it. */
function rules(p: string, perms: string): string[] {
  // Checked at install by sanitizePlug; checked again where it lands in a rule.
  const rel = safeAbsolutePath(p.slice("$HOME".length), `personal-files path ${JSON.stringify(p)}`);
  return [`owner "@{HOME}${rel}{,/,/**}" ${perms},`];
}

export default defineInterface({
  name: "personal-files",
  summary: "allows access to particular files or directories in the user's home directory",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    // As in snapd: at least one of the two lists must be given (it may be
    // empty); other attributes are ignored.
    optionalStringList(plug.attrs, "read", homePathProblem);
    optionalStringList(plug.attrs, "write", homePathProblem);
    if (plug.attrs["read"] === undefined && plug.attrs["write"] === undefined) throw new AttributeProblem('personal-files plug must set "read" or "write" paths');
    return plug.attrs;
  },
  connectedPlug: {
    // Restricted by the base declaration because each path is arbitrary; hidden
    // files (credentials, shell start-up files) are what this is usually used for.
    // snapd also creates the missing directories between $HOME and each write
    // path when an app starts. Plugboard has no such step, and these rules
    // cover only the path and what is below it, so such parents must exist.
    apparmor: (ctx) =>
      [
        "# Paths the plug names in the connecting user's home directory.",
        ...paths(ctx.plug.attrs, "read").flatMap((p) => rules(p, "rk")),
        ...paths(ctx.plug.attrs, "write").flatMap((p) => rules(p, "rwkl")),
      ].join("\n"),
  },
  examples: { plug: { read: ["$HOME/.config/example"], write: ["$HOME/.local/share/example", "$HOME/.example.conf"] } },
});
