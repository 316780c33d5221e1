import { AttributeProblem, defineInterface, optionalStringList, verbatimPathProblem } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, PlugInfo } from "../src/snap/index.js";

/** An absolute, clean path naming a file or directory on the host, without AppArmor pattern characters. */
export function systemPathProblem(p: string): string | null {
  if (p === "/") return "must not be the root directory";
  // snapd refuses "~" in these paths too, so that no path is read as someone's home.
  if (p.includes("~")) return 'must not contain "~"';
  return verbatimPathProblem(p, { absolute: true });
}

function paths(plug: PlugInfo, key: "read" | "write"): string[] {
  return (optionalStringList(plug.attrs, key, systemPathProblem) ?? []).map((p) => safeAbsolutePath(p, `system-files plug ${plug.snap}:${plug.name} ${key}`));
}

export default defineInterface({
  name: "system-files",
  summary: "allows access to specific files and directories of the host that the plug names",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug): AttrMap => {
    // As in snapd: at least one of the two lists must be given (it may be
    // empty); other attributes are ignored.
    paths(plug, "read");
    paths(plug, "write");
    if (plug.attrs["read"] === undefined && plug.attrs["write"] === undefined) throw new AttributeProblem('system-files plug must set "read" or "write" paths');
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      // Each path names a file or a directory; a directory brings its contents.
      const read = paths(ctx.plug, "read").map((p) => `"${p}{,/,/**}" rk,`);
      const write = paths(ctx.plug, "write").map((p) => `"${p}{,/,/**}" rwkl,`);
      return ["# The host paths this plug names (store-approved).", ...read, ...write].join("\n");
    },
  },
  examples: { plug: { read: ["/etc/example.conf", "/var/lib/example"], write: ["/var/log/example"] } },
});
