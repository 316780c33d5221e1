import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "login-session-control",
  summary: "allows setting up, locking and ending login sessions and seats through logind",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Privileged: this reaches every user's session, not only the caller's.
    apparmor: `
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
# systemd-logind's manager, seat and session objects.
dbus (send, receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={ActivateSession,ActivateSessionOnSeat,GetSession,GetSeat,GetSessionByPID,ListSessions,ListSeats,LockSession,UnlockSession,LockSessions,UnlockSessions,KillSession,TerminateSession,TerminateSeat} peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/login1/seat/** interface=org.freedesktop.login1.Seat peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/login1/session/** interface=org.freedesktop.login1.Session peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/login1/{seat,session}/** interface=org.freedesktop.DBus.Properties member={Get,GetAll,PropertiesChanged} peer=(label=unconfined),
`,
  },
});
