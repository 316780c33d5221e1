import { defineInterface, verbatimPathProblem, verbatimTextProblem } from "../src/iface/index.js";
import { ValidationError } from "../src/errors/index.js";

// systemd's socket for service readiness and status messages. The manager
// announces it in $NOTIFY_SOCKET; Plugboard, like snapd, takes the value from
// its own environment (set by its service manager, never by a snap) and falls
// back to the usual path.
const DEFAULT_NOTIFY_SOCKET = "/run/systemd/notify";
// Old systemd (Ubuntu 14.04) used an abstract socket whose number changes at
// every boot; any of those is allowed rather than only today's.
const SYSTEMD_ABSTRACT_PREFIX = "@/org/freedesktop/systemd1/notify/";

/** The rule that reaches the notify socket `socket` names (unset or empty: the default path). */
export function notifySocketRule(socket: string | undefined): string {
  const s = socket === undefined || socket === "" ? DEFAULT_NOTIFY_SOCKET : socket;
  const refuse = (why: string) => new ValidationError(`cannot use NOTIFY_SOCKET ${JSON.stringify(s)} as the notify socket: ${why}`);
  if (s.startsWith("/")) {
    const problem = verbatimPathProblem(s, { absolute: true });
    if (problem) throw refuse(`it ${problem}`);
    return `${s} w,`;
  }
  if (s.startsWith(SYSTEMD_ABSTRACT_PREFIX)) {
    return `unix (connect, send) type=dgram peer=(label=unconfined, addr="${SYSTEMD_ABSTRACT_PREFIX}[0-9]*"),`;
  }
  if (s.startsWith("@")) {
    const problem = s.length === 1 ? "the abstract name is empty" : verbatimTextProblem(s.slice(1));
    if (problem) throw refuse(`its abstract name ${problem}`);
    return `unix (connect, send) type=dgram peer=(label=unconfined, addr="${s}"),`;
  }
  throw refuse('it is neither an absolute path nor an abstract socket name (starting with "@")');
}

export default defineInterface({
  name: "daemon-notify",
  summary: "allows a service to tell the service manager it is ready, reloading or stopping (sd_notify)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# The service manager's notify socket.
${notifySocketRule(ctx.host?.notifySocket)}
# systemd-notify, for services written as shell scripts.
/{,usr/}bin/systemd-notify ixr,
`,
  },
});
