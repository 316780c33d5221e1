import { AttributeProblem, defineInterface, onlyKnownAttrs, optionalString, snapPathProblem, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";

/** Where the providing snap's cupsd listens, resolved from its cups-socket-directory. */
export function cupsSocketDirectory(ctx: ConnectedContext): string | undefined {
  const dir = ctx.slot.attrs["cups-socket-directory"];
  if (typeof dir !== "string") return undefined;
  const m = /^\$(SNAP_DATA|SNAP_COMMON)(\/.*)?$/.exec(dir);
  if (!m) throw new AttributeProblem(`cups-socket-directory ${JSON.stringify(dir)} must start with $SNAP_DATA or $SNAP_COMMON`);
  const base = m[1] === "SNAP_DATA" ? `/var/snap/${ctx.slotSnap.name}/${ctx.slotRevision}` : `/var/snap/${ctx.slotSnap.name}/common`;
  return safeAbsolutePath(base + (m[2] ?? ""), `cups-socket-directory of slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
}

export default defineInterface({
  name: "cups",
  summary: "allows printing through a snap that provides the CUPS server",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-auto-connection": true, "deny-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    onlyKnownAttrs(slot.attrs, ["cups-socket-directory"]);
    const dir = optionalString(slot.attrs, "cups-socket-directory");
    if (dir !== undefined) {
      // The data directories themselves are accepted too, as snapd's own test providers use them.
      if (!/^\$(SNAP_DATA|SNAP_COMMON)(\/.|$)/.test(dir)) {
        throw new AttributeProblem(`cups-socket-directory ${JSON.stringify(dir)} must be $SNAP_DATA, $SNAP_COMMON or a directory under them`);
      }
      const problem = snapPathProblem(dir);
      if (problem) throw new AttributeProblem(`cups-socket-directory ${JSON.stringify(dir)} ${problem}`);
    }
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const dir = cupsSocketDirectory(ctx);
      return `
# The print server's socket, seen at the usual place (the launcher binds the
# provider's socket directory there) and where the provider keeps it.
/run/cups/ r,
/run/cups/cups.sock rw,
${dir ? `${dir}/ r,\n${dir}/cups.sock rw,` : ""}
/etc/cups/client.conf r,
owner @{HOME}/.cups/ r,
owner @{HOME}/.cups/{client.conf,lpoptions} r,
`;
    },
    mount: (ctx) => {
      const dir = cupsSocketDirectory(ctx);
      return dir ? [{ source: dir, target: "/run/cups", readOnly: false }] : [];
    },
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept print jobs from the connected snap on the server socket.
unix (receive, send, accept) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  examples: { slot: { "cups-socket-directory": "$SNAP_COMMON/run" } },
});
