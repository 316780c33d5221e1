import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "shutdown",
  summary: "allows powering off, rebooting and suspending the machine through logind",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
${SYSTEM_BUS_STRICT}
# systemd's and logind's power methods on the system bus (systemctl
# poweroff, reboot, suspend ...), and inhibitor locks.
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member={Reboot,PowerOff,Halt} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={ListInhibitors,Inhibit,PowerOff,Reboot,Suspend,Hibernate,SuspendThenHibernate,HybridSleep,CanPowerOff,CanReboot,CanSuspend,CanHibernate,CanSuspendThenHibernate,CanHybridSleep,ScheduleShutdown,CancelScheduledShutdown,SetWallMessage,SetRebootParameter} peer=(label=unconfined),
# Introspection (the services may be started on demand, so not by label),
# and the properties systemctl reads for scheduled shutdowns.
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
# systemctl binds its end of the bus connection (under whichever of its names it runs as).
unix (bind) type=stream addr="@*/bus/*/system",
`,
    seccomp: `
bind
`,
  },
});
