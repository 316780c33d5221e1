import { defineInterface } from "../src/iface/index.js";

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
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/NetworkManager{,/ActiveConnection/*,/Devices/*,/IP4Config/*,/IP6Config/*,/AccessPoint/*} interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/NetworkManager interface=org.freedesktop.NetworkManager member={GetDevices,GetAllDevices,state,CheckConnectivity} peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/NetworkManager/Settings interface=org.freedesktop.NetworkManager.Settings member=ListConnections peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/NetworkManager/Settings/* interface=org.freedesktop.NetworkManager.Settings.Connection member=GetSettings peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/org/freedesktop/NetworkManager{,/**} interface={org.freedesktop.NetworkManager{,.*},org.freedesktop.DBus.Properties} member={StateChanged,PropertiesChanged,DeviceAdded,DeviceRemoved} peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Answer the observer's read-only queries and let it see state signals.
dbus (receive) bus=system path=/org/freedesktop/NetworkManager{,/ActiveConnection/*,/Devices/*,/IP4Config/*,/IP6Config/*,/AccessPoint/*} interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path=/org/freedesktop/NetworkManager interface=org.freedesktop.NetworkManager member={GetDevices,GetAllDevices,state,CheckConnectivity} peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path=/org/freedesktop/NetworkManager/Settings interface=org.freedesktop.NetworkManager.Settings member=ListConnections peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path=/org/freedesktop/NetworkManager/Settings/* interface=org.freedesktop.NetworkManager.Settings.Connection member=GetSettings peer=(label=${ctx.plugLabel}),
dbus (send) bus=system path=/org/freedesktop/NetworkManager{,/**} peer=(label=${ctx.plugLabel}),
`,
  },
});
