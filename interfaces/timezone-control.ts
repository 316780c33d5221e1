import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "timezone-control",
  summary: "allows changing the system time zone through timedated",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Setting the zone directly (the files, also where Ubuntu Core keeps them
# writable; the .tmp file is the one timedatectl's wrapper writes first)...
/usr/share/zoneinfo/ r,
/etc/{,writable/}timezone rw,
/etc/{,writable/}localtime rw,
/etc/{,writable/}localtime.tmp rw,
# ...or through timedated, with timedatectl.
${SYSTEM_BUS_STRICT}
# timedated is started on demand, so these two cannot name its label yet.
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member=Get{,All},
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member={SetTimezone,ListTimezones} peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
/usr/bin/timedatectl{,.real} ixr,
# timedatectl's own end of its bus connection.
unix (bind) type=stream addr="@*/bus/timedatectl*/system",
# systemd's tools look at PID 1's environment to detect containers and cope
# when they cannot; refused quietly.
deny @{PROC}/1/environ r,
`,
    // timedatectl binds its end of the socket.
    seccomp: `
bind
`,
  },
});
