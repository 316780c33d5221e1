import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "gconf",
  summary: "allows reading and changing any of the user's settings in the legacy GConf database",
  // Connected by hand: GConf is one database for the whole desktop and keeps
  // no application's settings apart from another's.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The session bus (AppArmor's dbus-session-strict abstraction, as snapd includes it).
${SESSION_BUS_STRICT}
# Opening a database. The first call may start gconfd-2, which then does
# not yet carry a label, so this one rule names the server by bus name.
dbus (send) bus=session path=/org/gnome/GConf/Server member=Get{,Default}Database peer=(name=org.gnome.GConf),
# The server's notifications, and every operation on the databases.
dbus (receive) bus=session path=/org/gnome/GConf/{Client,Server} interface=org.gnome.GConf.{Client,Server} peer=(label=unconfined),
dbus (send) bus=session path=/org/gnome/GConf/Database/* interface=org.gnome.GConf.Database peer=(label=unconfined),
`,
  },
});
