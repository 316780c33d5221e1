import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

const SERVICE = "/com/ubuntu/location/Service";

// snapd also installs D-Bus bus policy for this interface (root owns the
// name, clients may call it); Plugboard writes no bus policy, so the system
// bus's own configuration decides that.
export default defineInterface({
  name: "location-control",
  summary: "allows running the Ubuntu location service, or adding position providers to it",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-connection": true, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
${SYSTEM_BUS_STRICT}
# Registering a position provider, and the service driving it.
dbus (send) bus=system path=${SERVICE} interface=com.ubuntu.location.Service member=AddProvider peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/providers/{,**} interface=com.ubuntu.location.Service.Provider member={Satisfies,Enable,Disable,Activate,Deactivate,OnNewEvent} peer=(label=${ctx.slotLabel}),
dbus (receive, send) bus=system path=/providers/{,**} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.slotLabel}),
# The service's properties: reading and changing them, and their changes.
dbus (send) bus=system path=${SERVICE} interface=org.freedesktop.DBus.Properties member={Get,Set} peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=${SERVICE} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),
dbus (send) bus=system path=${SERVICE} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Take the client's providers, drive them, and serve its property calls.
dbus (receive) bus=system path=${SERVICE} interface=com.ubuntu.location.Service member=AddProvider peer=(label=${ctx.plugLabel}),
dbus (send) bus=system path=/providers/{,**} interface=com.ubuntu.location.Service.Provider member={Satisfies,Enable,Disable,Activate,Deactivate,OnNewEvent} peer=(label=${ctx.plugLabel}),
dbus (send) bus=system path=/providers/{,**} interface=org.freedesktop.DBus.Properties member={Get,Set} peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path=/providers/{,**} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path=${SERVICE} interface=org.freedesktop.DBus.Properties member={Get,Set} peer=(label=${ctx.plugLabel}),
dbus (send) bus=system path=${SERVICE} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the location service: its name on the system bus, learning
# a caller's pid and uid, and the standard interfaces for host programs.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={GetConnectionUnixProcessID,GetConnectionUnixUser} peer=(label=unconfined),
dbus (bind) bus=system name=com.ubuntu.location.Service,
dbus (receive, send) bus=system path=${SERVICE}{,/**} interface=org.freedesktop.DBus** peer=(label=unconfined),
`,
  },
});
