import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { isValidAppName, type AttrMap, type PlugInfo, type SnapInfo } from "../src/snap/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

/**
 * handler-service names the snap's service that answers permission prompts.
 * As in snapd it must be a string when set, and (when the snap is known) an
 * app of the snap that is a service. An empty string means "none".
 *
 * snapd further requires a user service (daemon-scope: user); snap.yaml's
 * daemon-scope is not read by Plugboard yet, so only "is a service" is
 * checked. The sanitizer is handed the plug alone today, in which case only
 * the spelling of an app name can be checked.
 */
function checkHandlerService(plug: PlugInfo, snap?: SnapInfo): void {
  const v = plug.attrs["handler-service"];
  if (v === undefined) return;
  if (typeof v !== "string") throw new AttributeProblem(`handler-service must be a string naming one of the snap's user services, not ${JSON.stringify(v)}`);
  if (v === "") return;
  if (!isValidAppName(v)) throw new AttributeProblem(`handler-service ${JSON.stringify(v)} is not an app name (letters, digits and single hyphens)`);
  if (snap === undefined) return;
  const app = snap.apps[v];
  if (!app) throw new AttributeProblem(`handler-service ${JSON.stringify(v)} names no app of snap ${JSON.stringify(snap.name)}`);
  if (app.daemon === undefined) throw new AttributeProblem(`handler-service ${JSON.stringify(v)} is not a service (the app has no daemon:)`);
}

export default defineInterface({
  name: "snap-interfaces-requests-control",
  summary: "allows answering permission prompts: the daemon's prompting API, its notices, and the desktop shell's prompt UI",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  // snapd refuses nothing but a badly typed or unknown handler-service; other attributes pass.
  sanitizePlug: (plug: PlugInfo, snap?: SnapInfo): AttrMap => {
    checkHandlerService(plug, snap);
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: `
# The daemon's API sockets: prompts, rules and their notices are read and
# answered there (the daemon checks per request that this interface is
# connected). snapd's profiles reach its snap socket from every snap;
# Plugboard's grant no daemon socket by default.
/run/snapd.socket rw,
/run/plugboard.socket rw,

# The session bus, to reach the desktop shell's prompting service.
${SESSION_BUS_STRICT}
# Calls to the shell's prompt UI and its properties.
dbus (send) bus=session path=/com/canonical/Shell/PermissionPrompting interface={com.canonical.Shell.PermissionPrompting,org.freedesktop.DBus.Properties} peer=(name=com.canonical.Shell.PermissionPrompting),
# Calls from the shell. As in snapd, the sender must own the bus name
# "unconfined", which is no valid well-known name, so in effect this admits
# nothing; written as snapd writes it so that the effect stays the same.
dbus (receive) bus=session path=/com/canonical/Shell/PermissionPrompting interface=com.canonical.Shell.PermissionPrompting peer=(name=unconfined),
dbus (receive) bus=session path=/com/canonical/Shell/PermissionPrompting interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
`,
  },
  examples: { plug: { "handler-service": "prompt-handler" } },
});
