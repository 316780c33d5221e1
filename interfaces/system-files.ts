import { AttributeProblem, defineInterface, onlyKnownAttrs, optionalStringList, verbatimPathProblem } from "../src/iface/index.js";
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
    onlyKnownAttrs(plug.attrs, ["read", "write"]);
    if (paths(plug, "read").length + paths(plug, "write").length === 0) throw new AttributeProblem('system-files plug must set "read" or "write" paths');
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      // Each path names a file or a directory; a directory brings its contents.
      const read = paths(ctx.plug, "read").flatMap((p) => [`${p} r,`, `${p}/ r,`, `${p}/** r,`]);
      const write = paths(ctx.plug, "write").flatMap((p) => [`${p} rwkl,`, `${p}/ rw,`, `${p}/** rwkl,`]);
      return ["# The host paths this plug names (store-approved).", ...read, ...write].join("\n");
    },
  },
  examples: { plug: { read: ["/etc/example.conf", "/var/lib/example"], write: ["/var/log/example"] } },
});
