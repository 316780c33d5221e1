import { defineInterface } from "../src/iface/index.js";

const BUS_BASICS = `/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),`;

export default defineInterface({
  name: "location-observe",
  summary: "allows reading positions from the Ubuntu location service",
  // The location service ships as a snap; the system snap has no slot.
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
${BUS_BASICS}
# Create sessions with the service, start position updates and receive them.
dbus (send, receive) bus=system path=/com/ubuntu/location/Service{,/**} interface={com.ubuntu.location.Service{,.*},org.freedesktop.DBus.Properties} peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/com/ubuntu/location/Service{,/**} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the observer's sessions and send it position, heading and velocity updates.
dbus (send, receive) bus=system path=/com/ubuntu/location/Service{,/**} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the location service: its well-known name on the system bus.
${BUS_BASICS}
dbus (bind) bus=system name=com.ubuntu.location.Service,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID} peer=(name=org.freedesktop.DBus),
`,
  },
});
