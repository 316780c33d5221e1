import { defineInterface } from "../src/iface/index.js";

// The objects an observer may read: the manager, its active connections and devices.
const OBJECTS = `"/org/freedesktop/NetworkManager{,/{ActiveConnection,Devices}/*}"`;

export default defineInterface({
  name: "network-manager-observe",
  summary: "allows reading NetworkManager's devices and connection settings, without secrets",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    // Reveals MAC addresses and known networks; GetSecrets is not allowed.
    apparmor: (ctx) => `
dbus (send) bus=system path=${OBJECTS} interface="org.freedesktop.DBus.Properties" member="Get{,All}" peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager" interface="org.freedesktop.NetworkManager" member="Get{Devices,AllDevices,DeviceByIpIface}" peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager/Settings" interface="org.freedesktop.NetworkManager.Settings" member="ListConnections" peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager/Settings{,/*}" interface="org.freedesktop.NetworkManager.Settings{,.Connection}" member="GetSettings" peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager member="GetManagedObjects" peer=(label=${ctx.slotLabel}),
# Change notifications.
dbus (receive) bus=system path="/org/freedesktop/NetworkManager{,/**}" interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/org/freedesktop/NetworkManager interface=org.freedesktop.NetworkManager member=PropertiesChanged peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=${OBJECTS} interface="org.freedesktop.NetworkManager{,.*}" member=StateChanged peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager" interface=org.freedesktop.NetworkManager member="Device{Added,Removed}" peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager/Settings" interface=org.freedesktop.NetworkManager.Settings member=PropertiesChanged peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager/Settings/*" interface="org.freedesktop.NetworkManager.Settings.Connection" member=PropertiesChanged peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager member="Interfaces{Added,Removed}" peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    // snapd writes these only off classic; a snippet here cannot tell, and a
    // snap that provides the service needs them to answer its observers.
    apparmor: (ctx) => `
# Answer the observer's read-only queries and send it change notifications.
dbus (receive) bus=system path=${OBJECTS} interface="org.freedesktop.DBus.Properties" member="Get{,All}" peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager" interface="org.freedesktop.NetworkManager" member="Get{Devices,AllDevices,DeviceByIpIface}" peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager/Settings" interface="org.freedesktop.NetworkManager.Settings" member="ListConnections" peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager/Settings/*" interface="org.freedesktop.NetworkManager.Settings.Connection" member="GetSettings" peer=(label=${ctx.plugLabel}),
dbus (send) bus=system path=${OBJECTS} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(name=org.freedesktop.NetworkManager,label=${ctx.plugLabel}),
dbus (send) bus=system path=${OBJECTS} interface="org.freedesktop.NetworkManager{,.*}" member=StateChanged peer=(name=org.freedesktop.NetworkManager,label=${ctx.plugLabel}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager" interface=org.freedesktop.NetworkManager member="Device{Added,Removed}" peer=(name=org.freedesktop.NetworkManager,label=${ctx.plugLabel}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager/Settings" interface=org.freedesktop.NetworkManager.Settings member=PropertiesChanged peer=(name=org.freedesktop.NetworkManager,label=${ctx.plugLabel}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager/Settings/*" interface="org.freedesktop.NetworkManager.Settings.Connection" member=PropertiesChanged peer=(name=org.freedesktop.NetworkManager,label=${ctx.plugLabel}),
`,
  },
});
