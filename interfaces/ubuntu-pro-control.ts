import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

// The daemon is started on the first call, before it carries its label, so
// calls to it name the service; signals from it are matched by label.
const SERVICE = "peer=(name=com.canonical.UbuntuAdvantage)";

export default defineInterface({
  name: "ubuntu-pro-control",
  summary: "allows attaching and detaching Ubuntu Pro and enabling its services through the Pro desktop daemon",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The Pro client's configuration.
/etc/ubuntu-advantage/uaclient.conf r,

${SYSTEM_BUS_STRICT}
# Listing the daemon's objects (the manager and one object per service).
dbus (send) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager member=GetManagedObjects ${SERVICE},
dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager member={InterfacesAdded,InterfacesRemoved} peer=(label=unconfined),
# Attaching and detaching the machine, and the manager's properties.
dbus (send) bus=system path=/com/canonical/UbuntuAdvantage/Manager interface=com.canonical.UbuntuAdvantage.Manager member={Attach,Detach} ${SERVICE},
dbus (send) bus=system path=/com/canonical/UbuntuAdvantage/Manager interface=org.freedesktop.DBus.Properties member={Get,GetAll} ${SERVICE},
dbus (receive) bus=system path=/com/canonical/UbuntuAdvantage/Manager interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
# Enabling and disabling each Pro service, and its properties.
dbus (send) bus=system path=/com/canonical/UbuntuAdvantage/Services/* interface=com.canonical.UbuntuAdvantage.Service member={Enable,Disable} ${SERVICE},
dbus (send) bus=system path=/com/canonical/UbuntuAdvantage/Services/* interface=org.freedesktop.DBus.Properties member={Get,GetAll} ${SERVICE},
dbus (receive) bus=system path=/com/canonical/UbuntuAdvantage/Services/* interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
# Introspection of the same objects.
dbus (send) bus=system path={/,/com/canonical/UbuntuAdvantage/Manager,/com/canonical/UbuntuAdvantage/Services/*} interface=org.freedesktop.DBus.Introspectable member=Introspect ${SERVICE},
`,
  },
});
