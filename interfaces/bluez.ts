import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "bluez",
  summary: "allows operating as the bluez service, or using it",
  // On classic the distribution's bluez provides the slot; on core a bluez snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# Talk to the bluez service on the system bus.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send, receive) bus=system path=/{,org/bluez{,/**}} peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system interface=org.freedesktop.DBus.{ObjectManager,Properties} peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the connected snap's requests and send it signals.
dbus (send, receive) bus=system path=/{,org/bluez{,/**}} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as bluetoothd: the Bluetooth socket family, the rfkill switch and
# adapter state in sysfs, and the org.bluez names on the system bus.
network bluetooth,
capability net_admin,
capability net_bind_service,
/dev/rfkill rw,
/sys/class/bluetooth/ r,
/sys/devices/**/bluetooth/** rw,
/sys/devices/**/rfkill/** r,
/run/dbus/system_bus_socket rw,
dbus (bind) bus=system name=org.bluez{,.obex},
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID} peer=(name=org.freedesktop.DBus),
`,
    // bluetoothd listens on L2CAP and RFCOMM sockets for devices that connect to it.
    seccomp: `
socket AF_BLUETOOTH
bind
listen
accept
accept4
`,
    udev: ['KERNEL=="rfkill"'],
  },
});
