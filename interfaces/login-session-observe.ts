import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "login-session-observe",
  summary: "allows reading who is logged in and the state of login sessions",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Login records, as read by who, last, lastlog and faillog (k: they lock while reading).
/var/log/wtmp rk,
/var/log/btmp r,
/{,var/}run/utmp rk,
/var/log/lastlog rk,
/var/log/faillog rk,
/{,usr/}bin/{who,w,users,last,lastlog,faillog,loginctl} ixr,
# systemd-logind's per-session state files.
/run/systemd/sessions/ r,
/run/systemd/sessions/*[0-9] rk,
/run/systemd/users/ r,
/run/systemd/users/* r,
/run/systemd/seats/ r,
/run/systemd/seats/* r,
# logind on the system bus: listing and reading only (loginctl list-*, show-*).
# No peer label: logind may be started on demand by the bus.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/login1{,/seat/*,/session/*,/user/*} interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/login1{,/seat/*,/session/*,/user/*} interface=org.freedesktop.DBus.Properties member={Get,GetAll},
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={ListSeats,ListSessions,ListUsers,GetSeat,GetSession,GetUser,GetSessionByPID,GetUserByPID},
dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={SessionNew,SessionRemoved,UserNew,UserRemoved,SeatNew,SeatRemoved,PrepareForShutdown,PrepareForSleep} peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
`,
  },
});
