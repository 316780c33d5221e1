import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "upower-observe",
  summary: "allows reading battery and power-supply state from UPower, or operating as UPower",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app", "core"] }, "deny-connection": { "on-classic": false } },
  },
  connectedPlug: {
    // Some calls cannot name the service's label: the bus may start it on demand.
    apparmor: (ctx) => `
# UPower's devices, their properties, history and refreshes, and its change signals.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/UPower interface=org.freedesktop.UPower member=EnumerateDevices peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower{,/Wakeups,/devices/**} interface=org.freedesktop.DBus.Properties member=Get{,All},
dbus (send) bus=system path=/org/freedesktop/UPower interface=org.freedesktop.UPower member=GetCriticalAction peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower interface=org.freedesktop.UPower member=GetDisplayDevice peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower/devices/** interface=org.freedesktop.UPower.Device member={GetHistory,Refresh} peer=(label=${ctx.slotLabel}),
dbus (receive) bus=system path=/org/freedesktop/UPower{,/devices/**} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UPower interface=org.freedesktop.DBus.Introspectable member=Introspect,
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Answer the client on UPower's own interfaces and the standard D-Bus ones.
dbus (receive, send) bus=system path=/org/freedesktop/UPower{,/**} interface=org.freedesktop.UPower* peer=(label=${ctx.plugLabel}),
dbus (receive, send) bus=system path=/org/freedesktop/UPower{,/**} interface=org.freedesktop.DBus.* peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as upowerd: device events, owning its name on the system bus,
# and logind, which it asks which power states exist and tells to suspend
# or power off when the battery runs critically low.
network netlink raw,
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Request,Release}Name peer=(name=org.freedesktop.DBus),
dbus (receive, send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="GetConnectionUnix{ProcessID,User}" peer=(label=unconfined),
dbus (bind) bus=system name="org.freedesktop.UPower",
dbus (receive) bus=system path=/org/freedesktop/login1{,/**} interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/login1{,/**} interface=org.freedesktop.DBus.Properties member=Get{,All},
dbus (receive) bus=system path=/org/freedesktop/login1{,/**} interface=org.freedesktop.login1.* peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/login1{,/**} interface=org.freedesktop.login1.Manager member={CanPowerOff,CanSuspend,CanHibernate,CanSuspendThenHibernate,CanHybridSleep,PowerOff,Suspend,Hibernate,SuspendThenHybernate,HybridSleep,ListInhibitors,Inhibit} peer=(label=unconfined),
# Not written: snapd's D-Bus daemon policy for the service's name (Plugboard
# has no D-Bus policy backend).
`,
    seccomp: `
bind
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
  },
});
