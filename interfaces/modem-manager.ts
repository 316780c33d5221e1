import { defineInterface } from "../src/iface/index.js";

const BUS_BASICS = `/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),`;

export default defineInterface({
  name: "modem-manager",
  summary: "allows operating as ModemManager, or using it",
  // On classic the distribution's ModemManager provides the slot; on core a modem-manager snap does.
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
${BUS_BASICS}
dbus (send, receive) bus=system path=/org/freedesktop/ModemManager1{,/**} peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/org/freedesktop/ModemManager1{,/**} interface=org.freedesktop.DBus.{ObjectManager,Properties} peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the client's requests and send it signals.
dbus (send, receive) bus=system path=/org/freedesktop/ModemManager1{,/**} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as ModemManager: probing serial ports and USB control devices of
# modems, watching hot-plug events, and owning its name on the system bus.
capability net_admin,
capability sys_admin,
network netlink raw,
network netlink dgram,
/dev/ttyUSB[0-9]* rw,
/dev/ttyACM[0-9]* rw,
/dev/cdc-wdm[0-9]* rw,
/dev/wwan[0-9]*{at,mbim,qmi,qcdm,firehose}[0-9]* rw,
/sys/class/{tty,usbmisc,net,wwan}/ r,
/sys/devices/** r,
/run/udev/data/** r,
/usr/share/ModemManager/** r,
/etc/ModemManager/** r,
${BUS_BASICS}
dbus (bind) bus=system name=org.freedesktop.ModemManager1,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID} peer=(name=org.freedesktop.DBus),
# Unconfined clients on the host (mmcli, NetworkManager).
dbus (send, receive) bus=system path=/org/freedesktop/ModemManager1{,/**} peer=(label=unconfined),
`,
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
socket AF_NETLINK - NETLINK_ROUTE
socket AF_NETLINK - NETLINK_GENERIC
# Netlink sockets are bound, and the QMI and MBIM proxies serve the daemon.
bind
listen
accept
accept4
`,
    udev: [
      'SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*"',
      'SUBSYSTEM=="tty", KERNEL=="ttyACM[0-9]*"',
      'SUBSYSTEM=="usbmisc", KERNEL=="cdc-wdm[0-9]*"',
      'SUBSYSTEM=="wwan"',
    ],
  },
});
