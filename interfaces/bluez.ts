import { defineInterface, onClassic } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

// As in snapd, a classic system is assumed to run the distribution's own
// (unconfined) bluez: there a client talks to that daemon even when connected
// to a snap's slot, and a bluez snap's slot gets no rules of its own. On core
// the service is always a snap, which gets the daemon's rules and talks with
// its connected clients.

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
    apparmor: (ctx) => {
      const service = onClassic(ctx) ? "unconfined" : ctx.slotLabel;
      return `
# Everything on the system bus with the bluez service, and calls to the
# host's bluez, obex and mesh daemons with their signals.
${SYSTEM_BUS_STRICT}
dbus (receive, send) bus=system peer=(label=${service}),
dbus (send) bus=system peer=(name=org.bluez, label=unconfined),
dbus (send) bus=system peer=(name=org.bluez.obex, label=unconfined),
dbus (send) bus=system peer=(name=org.bluez.mesh, label=unconfined),
dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),
dbus (receive) bus=system path=/org/bluez{,/**} interface=org.freedesktop.DBus.* peer=(label=unconfined),
# Bluetooth audio streams, and the file descriptors bluez passes over D-Bus.
# (seccomp still refuses the Bluetooth family to clients: snapd's default
# allows every family, but the VM scenario for bluez pins the client's
# AF_BLUETOOTH socket as refused; connect bluetooth-control for it.)
network bluetooth,
unix (send, receive) type="seqpacket" addr=none peer=(addr=none label=${service}),
`;
    },
    udev: ['KERNEL=="rfkill"'],
  },
  connectedSlot: {
    apparmor: (ctx) =>
      onClassic(ctx)
        ? ""
        : `
# Everything on the system bus with the connected client, and passing it
# file descriptors.
dbus (receive, send) bus=system peer=(label=${ctx.plugLabel}),
unix (send, receive) type="seqpacket" addr=none peer=(addr=none label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: (ctx) =>
      onClassic(ctx)
        ? ""
        : `
# Operating as bluetoothd: Bluetooth sockets (privileged ports too), udev
# events, the adapters' sysfs state, the chassis type it reports, and rfkill.
network bluetooth,
capability net_admin,
capability net_bind_service,
network netlink raw,
/sys/bus/usb/drivers/btusb/ r,
/sys/bus/usb/drivers/btusb/** r,
/sys/class/bluetooth/ r,
/sys/devices/**/bluetooth/ rw,
/sys/devices/**/bluetooth/** rw,
/sys/devices/**/id/chassis_type r,
/dev/rfkill rw,
# Its names on the system bus (bluez, obex, mesh), and the host's unconfined
# clients and services.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Request,Release}Name peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=system path=/org/freedesktop/* interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (bind) bus=system name="org.bluez",
dbus (bind) bus=system name="org.bluez.obex",
dbus (bind) bus=system name="org.bluez.obex.*",
dbus (bind) bus=system name="org.bluez.mesh",
dbus (receive, send) bus=system interface=org.bluez.* peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/bluez{,/**} interface=org.freedesktop.DBus.* peer=(label=unconfined),
dbus (receive, send) bus=system path=/ interface=org.freedesktop.DBus.* peer=(label=unconfined),
# The host name service, which may still be starting (no peer label then).
dbus (receive, send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties member="Get{,All}",
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
`,
    // bluetoothd listens on L2CAP and RFCOMM sockets for devices that
    // connect to it, and reads udev events (on core only; see above).
    seccomp: (ctx) =>
      onClassic(ctx)
        ? ""
        : `
socket AF_BLUETOOTH
accept
accept4
bind
listen
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
  },
});
