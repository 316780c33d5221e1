import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "timezone-control",
  summary: "allows changing the system time zone through timedated",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# timedated writes /etc/localtime on the snap's behalf; the snap only asks.
/{,usr/}bin/timedatectl ixr,
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member=SetTimezone peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member=ListTimezones peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
`,
    // timedatectl binds its end of the socket.
    seccomp: `
bind
`,
  },
});
