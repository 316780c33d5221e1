import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "shutdown",
  summary: "allows powering off, rebooting and suspending the machine through logind",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# logind's power methods on the system bus, and the questions that go with them.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={PowerOff,Reboot,Halt,Suspend,Hibernate,HybridSleep,SuspendThenHibernate,CanPowerOff,CanReboot,CanHalt,CanSuspend,CanHibernate,CanHybridSleep,CanSuspendThenHibernate,ScheduleShutdown,CancelScheduledShutdown,SetWallMessage,Inhibit} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={PrepareForShutdown,PrepareForSleep} peer=(label=unconfined),
`,
    // Clients such as systemctl bind their end of the socket.
    seccomp: `
bind
`,
  },
});
