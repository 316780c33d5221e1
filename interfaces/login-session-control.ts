import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

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
${SYSTEM_BUS_STRICT}
# systemd-logind's seat and session objects with their properties, and the
# manager's calls for finding, switching to, locking and ending sessions.
dbus (send, receive) bus=system path=/org/freedesktop/login1/{seat,session}/** interface=org.freedesktop.DBus.Properties member={GetAll,PropertiesChanged,Get} peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/login1/seat/** interface=org.freedesktop.login1.Seat peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/login1/session/** interface=org.freedesktop.login1.Session peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={ActivateSession,GetSession,GetSeat,KillSession,ListSessions,LockSession,TerminateSession,UnlockSession} peer=(label=unconfined),
`,
  },
});
