import { defineInterface, onClassic } from "../src/iface/index.js";

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
    // As in snapd, on a classic system the service is taken to be the
    // distribution's unconfined NetworkManager whichever slot the observer
    // is connected to; on core it is the slot's snap.
    apparmor: (ctx) => {
      const service = onClassic(ctx) ? "unconfined" : ctx.slotLabel;
      return `
dbus (send) bus=system path=${OBJECTS} interface="org.freedesktop.DBus.Properties" member="Get{,All}" peer=(label=${service}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager" interface="org.freedesktop.NetworkManager" member="Get{Devices,AllDevices,DeviceByIpIface}" peer=(label=${service}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager/Settings" interface="org.freedesktop.NetworkManager.Settings" member="ListConnections" peer=(label=${service}),
dbus (send) bus=system path="/org/freedesktop/NetworkManager/Settings{,/*}" interface="org.freedesktop.NetworkManager.Settings{,.Connection}" member="GetSettings" peer=(label=${service}),
dbus (send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager member="GetManagedObjects" peer=(label=${service}),
# Change notifications.
dbus (receive) bus=system path="/org/freedesktop/NetworkManager{,/**}" interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${service}),
dbus (receive) bus=system path=/org/freedesktop/NetworkManager interface=org.freedesktop.NetworkManager member=PropertiesChanged peer=(label=${service}),
dbus (receive) bus=system path=${OBJECTS} interface="org.freedesktop.NetworkManager{,.*}" member=StateChanged peer=(label=${service}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager" interface=org.freedesktop.NetworkManager member="Device{Added,Removed}" peer=(label=${service}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager/Settings" interface=org.freedesktop.NetworkManager.Settings member=PropertiesChanged peer=(label=${service}),
dbus (receive) bus=system path="/org/freedesktop/NetworkManager/Settings/*" interface="org.freedesktop.NetworkManager.Settings.Connection" member=PropertiesChanged peer=(label=${service}),
dbus (receive) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager member="Interfaces{Added,Removed}" peer=(label=${service}),
`;
    },
  },
  connectedSlot: {
    // On core the slot's snap is the service and answers its observers; on
    // classic the observers talk to the host's NetworkManager (see above), so
    // a snap's slot gets nothing.
    apparmor: (ctx) =>
      onClassic(ctx)
        ? ""
        : `
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
