import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

// PackageKit's transactions are objects named /<number>_<8 hex digits>.
const TRANSACTION = "/[0-9]*_[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]";

export default defineInterface({
  name: "packagekit-control",
  summary: "allows installing, removing and updating the host's packages through PackageKit",
  implicitOn: { core: false, classic: true },
  // Super-privileged: whoever drives the package manager controls the host.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The system bus (AppArmor's dbus-strict abstraction, as snapd includes it).
${SYSTEM_BUS_STRICT}
# PackageKit's main object: its methods and signals, offline updates,
# properties and introspection.
dbus (receive, send) bus=system path=/org/freedesktop/PackageKit interface=org.freedesktop.PackageKit{,.Offline} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/PackageKit interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/PackageKit interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/PackageKit interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
# The transactions it creates, the same way.
dbus (receive, send) bus=system path=${TRANSACTION} interface=org.freedesktop.PackageKit.Transaction peer=(label=unconfined),
dbus (send) bus=system path=${TRANSACTION} interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
dbus (receive) bus=system path=${TRANSACTION} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (send) bus=system path=${TRANSACTION} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
`,
  },
});
