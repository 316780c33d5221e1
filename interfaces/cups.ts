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
    // Only a snap's cupsd, which checks each request against the client's
    // connections, is reachable: its socket directory is bound at
    // /var/cups. Neither /run/cups/cups.sock (a host cupsd that may not
    // mediate) nor the client.conf files (which could point elsewhere) are.
    apparmor: (ctx) => {
      const dir = cupsSocketDirectory(ctx);
      return `
# The user's printer choices, the printer list, and the provider's socket.
owner @{HOME}/.cups/lpoptions r,
/{,var/}run/cups/printcap r,
/var/cups/cups.sock rw,
${dir ? `# The provider's socket directory where it keeps it: connecting to a named\n# socket is checked against that path too.\n${dir}/** mrwklix,\n` : ""}`;
    },
    mount: (ctx) => {
      const dir = cupsSocketDirectory(ctx);
      return dir ? [{ source: dir, target: "/var/cups", readOnly: false }] : [];
    },
  },
  examples: { slot: { "cups-socket-directory": "$SNAP_COMMON/run" } },
});
