import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "upower-observe",
  summary: "allows reading battery and power-supply state from UPower, or operating as UPower",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app", "core"] }, "deny-connection": { "on-classic": false } },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# UPower's objects on the system bus: properties and queries, and its change signals.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/UPower{,/**} interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower interface=org.freedesktop.UPower member={EnumerateDevices,GetDisplayDevice,GetCriticalAction} peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower/devices/* interface=org.freedesktop.UPower.Device member={GetHistory,GetStatistics,Refresh} peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower{,/**} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/org/freedesktop/UPower{,/**} interface=org.freedesktop.{DBus.Properties,UPower,UPower.Device} peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Answer the client's queries and send it change signals.
dbus (receive) bus=system path=/org/freedesktop/UPower{,/**} peer=(label=${ctx.plugLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower{,/**} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as upowerd: power supplies and input devices that report batteries.
/sys/class/power_supply/ r,
/sys/devices/**/power_supply/** r,
/sys/class/ r,
/sys/bus/usb/devices/ r,
/run/udev/data/+power_supply:* r,
/var/lib/upower/ rw,
/var/lib/upower/** rw,
/etc/UPower/UPower.conf r,
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID} peer=(name=org.freedesktop.DBus),
dbus (bind) bus=system name=org.freedesktop.UPower,
dbus (receive) bus=system path=/org/freedesktop/UPower{,/**} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/UPower{,/**} peer=(label=unconfined),
`,
    // Hearing uevents means binding the netlink socket to their group.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
`,
  },
});
