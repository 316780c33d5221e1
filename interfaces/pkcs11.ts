import { AttributeProblem, cleanPathProblem, defineInterface, verbatimPathProblem } from "../src/iface/index.js";
import path from "node:path";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";

// The p11-kit server listens on a socket directly in this directory.
const SOCKET_DIR = "/run/p11-kit";
// Characters snapd refuses in the socket path because AppArmor reads them as patterns.
const AARE = /[?*[\]{}^"\0]/;

/** Why `v` is not a usable pkcs11-socket value, or null when it is. */
export function pkcs11SocketProblem(v: AttrValue | undefined): string | null {
  if (v === undefined) return 'a pkcs11 slot must set "pkcs11-socket" to the p11-kit server\'s socket, e.g. /run/p11-kit/pkcs11-token';
  if (typeof v !== "string") return `pkcs11-socket must be a string, not ${JSON.stringify(v)}`;
  const show = JSON.stringify(v);
  // In snapd's order: a clean path, directly in the directory, without patterns.
  if (cleanPathProblem(v) !== null) return `pkcs11-socket ${show} is not a clean path`;
  if (path.posix.dirname(v) !== SOCKET_DIR) return `pkcs11-socket ${show} must be a socket directly in ${SOCKET_DIR}`;
  if (AARE.test(v)) return `pkcs11-socket ${show} contains a character AppArmor reads as a pattern (one of ?*[]{}^")`;
  // snapd quotes the path in its rules; Plugboard writes it bare, so it also
  // refuses what would end or split a rule there (spaces, commas, ...).
  const verbatim = verbatimPathProblem(v, { absolute: true });
  if (verbatim !== null) return `pkcs11-socket ${show} ${verbatim}`;
  return null;
}

/** The socket's name in /run/p11-kit, checked again where it lands in a rule. */
function socketName(attrs: AttrMap, where: string): string {
  const problem = pkcs11SocketProblem(attrs["pkcs11-socket"]);
  if (problem !== null) throw new ValidationError(`${where}: ${problem}`);
  return (attrs["pkcs11-socket"] as string).slice(SOCKET_DIR.length + 1);
}

export default defineInterface({
  name: "pkcs11",
  summary: "allows using the PKCS#11 tokens a p11-kit server exposes, or exposing them",
  // Slots come from gadget or device-specific snaps through their declarations only.
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": false, "deny-auto-connection": true },
  },
  // As in snapd, other attributes are let through untouched; none of them reaches a rule.
  sanitizeSlot: (slot) => {
    const problem = pkcs11SocketProblem(slot.attrs["pkcs11-socket"]);
    if (problem !== null) throw new AttributeProblem(problem);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const name = socketName(ctx.slot.attrs, `pkcs11 slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      return `
# The p11-kit server's socket (at /run or the /var/run link to it).
/{,var/}run/p11-kit/${name} rw,
# p11-kit's proxy configuration, its module list, and the PKCS#11 command-line tools.
/etc/pkcs11/{,**} r,
/usr/bin/p11tool ixr,
/usr/bin/pkcs11-tool ixr,
/usr/share/p11-kit/modules/ r,
/usr/share/p11-kit/modules/* r,
`;
    },
  },
  permanentSlot: {
    apparmor: (ctx) => {
      const name = socketName(ctx.endpoint.attrs, `pkcs11 slot ${ctx.snap.name}:${ctx.endpoint.name}`);
      return `
# Operating as a p11-kit server: making its socket, the configuration, and
# running the p11-kit tools and server programs.
/{,var/}run/p11-kit/ rw,
/{,var/}run/p11-kit/${name} rwk,
/etc/pkcs11/{,**} r,
/usr/bin/p11-kit ixr,
/usr/bin/p11tool ixr,
/usr/bin/pkcs11-tool ixr,
/usr/libexec/p11-kit/p11-kit-server ixr,
/usr/libexec/p11-kit/p11-kit-remote ixr,
`;
    },
    seccomp: `
bind
listen
accept
accept4
`,
  },
  examples: { slot: { "pkcs11-socket": "/run/p11-kit/pkcs11-optee-slot-0" } },
});
