import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

const GOA = "bus=session path=/org/gnome/OnlineAccounts";

export default defineInterface({
  name: "accounts-service",
  summary: "allows using online accounts kept by the session's accounts service (GNOME Online Accounts)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The service is started on demand by the session bus, so the calls that
    // may reach it before it runs (properties, introspection) name no peer.
    apparmor: `
# The session bus, and the online-accounts objects on it: listing them, their
# properties, and every OnlineAccounts method.
${SESSION_BUS_STRICT}
dbus (receive, send) ${GOA} interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),
dbus (receive, send) ${GOA}{,/**} interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (receive, send) ${GOA}{,/**} interface=org.gnome.OnlineAccounts.* peer=(label=unconfined),
dbus (receive, send) ${GOA}{,/**} interface=org.freedesktop.DBus.Properties member="Get{,All}",
dbus (send) ${GOA}{,/**} interface=org.freedesktop.DBus.Introspectable member=Introspect,
`,
  },
});
