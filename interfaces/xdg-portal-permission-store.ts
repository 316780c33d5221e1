import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "xdg-portal-permission-store",
  summary: "allows reading and changing the permissions xdg-desktop-portal has recorded for every app",
  implicitOn: { core: true, classic: true },
  // Super-privileged: the store holds what the user allowed every other app.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The session bus (AppArmor's dbus-session-strict abstraction, as snapd includes it).
${SESSION_BUS_STRICT}
# The portal's PermissionStore object: its methods, signals and standard interfaces.
dbus (receive, send) bus=session interface={org.freedesktop.impl.portal.PermissionStore,org.freedesktop.DBus.Properties,org.freedesktop.DBus.Peer,org.freedesktop.DBus.Introspectable} path=/org/freedesktop/impl/portal/PermissionStore peer=(label=unconfined),
`,
  },
});
