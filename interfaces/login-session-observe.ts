import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

const LOGIN1 = "bus=system path=/org/freedesktop/login1";

export default defineInterface({
  name: "login-session-observe",
  summary: "allows reading who is logged in and the state of login sessions",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# who (coreutils, wherever the base keeps it), lastlog, faillog and
# loginctl, with the login records they read (k: they lock while reading)
# and systemd-logind's per-session state files.
/{bin/,usr/bin/,usr/bin/gnu,usr/lib/cargo/bin/coreutils/}who ixr,
/var/log/wtmp rk,
/{,var/}run/utmp rk,
/{,usr/}bin/lastlog ixr,
/var/log/lastlog rk,
/{,usr/}bin/faillog ixr,
/var/log/faillog rk,
/run/systemd/sessions/ r,
/run/systemd/sessions/*[0-9] rk,
/{,usr/}bin/loginctl ixr,
# logind on the system bus, for listing and reading only. Calls name no
# peer: logind may be started on demand by the bus.
${SYSTEM_BUS_STRICT}
dbus (send) ${LOGIN1}{,/seat/*,/session/*,/user/*} interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) ${LOGIN1}{,/seat/*,/session/*,/user/*} interface=org.freedesktop.DBus.Properties member=Get{,All},
dbus (receive) ${LOGIN1} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (receive) ${LOGIN1} interface=org.freedesktop.login1.Manager member={Session,User,Seat}New peer=(label=unconfined),
dbus (receive) ${LOGIN1} interface=org.freedesktop.login1.Manager member={Session,User,Seat}Removed peer=(label=unconfined),
# snapd's rule here reads PrepareFor{Shutdow,Sleep}: shutdown notices do not
# match it, so only the sleep notice is allowed.
dbus (receive) ${LOGIN1} interface=org.freedesktop.login1.Manager member=PrepareForSleep peer=(label=unconfined),
dbus (send) ${LOGIN1} interface=org.freedesktop.login1.Manager member=List{Seats,Sessions,Users},
dbus (send) ${LOGIN1} interface=org.freedesktop.login1.Manager member=Get{Seat,Session,User},
`,
  },
});
