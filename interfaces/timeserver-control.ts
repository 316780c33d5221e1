import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "timeserver-control",
  summary: "allows choosing the network time servers and turning time synchronisation on or off",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# timesyncd's configuration: which servers it asks.
/etc/systemd/timesyncd.conf rw,

# timedatectl and the bus calls behind it. timedated is started on demand, so
# the calls that may wake it do not insist on its label.
/usr/bin/timedatectl{,.real} ixr,
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member={Get,GetAll},
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member=SetNTP peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/timesync1 interface=org.freedesktop.DBus.Properties member={Get,GetAll},
# Per-link time servers are networkd's.
dbus (send) bus=system path=/org/freedesktop/network1 interface=org.freedesktop.network1.Manager member={SetLinkNTP,RevertLinkNTP,GetLinkByName} peer=(label=unconfined),
# The client end of timedatectl's private bus connection.
unix (bind) type=stream addr="@*/bus/timedatectl*/system",

# systemd tools peek at init's environment to detect containers and cope
# when refused; refusing quietly keeps the log clean without granting a
# look into another process.
deny @{PROC}/1/environ r,
`,
    seccomp: `
# timedatectl binds its end of the bus socket.
bind
`,
  },
});
