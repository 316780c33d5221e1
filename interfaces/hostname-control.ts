import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "hostname-control",
  summary: "allows changing the machine's host name, directly or through hostnamed",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The name is kept in /etc/hostname (readable by every app already); on
# Ubuntu Core that file links into the writable partition.
/etc/hostname w,
/etc/writable/hostname w,
# sethostname(2) is guarded by CAP_SYS_ADMIN; hostname and hostnamectl need it.
capability sys_admin,

# hostnamectl asks hostnamed over the system bus. hostnamed is started on the
# first call, so its label cannot be relied on when the message goes out.
/{,usr/}{,s}bin/hostnamectl ixr,
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties member={Get,GetAll},
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.DBus.Properties member={Get,GetAll},
dbus (receive) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.hostname1 member={SetHostname,SetPrettyHostname,SetStaticHostname},
# The client end of hostnamectl's private bus connection.
unix (bind) type=stream addr="@*/bus/hostnamectl/system",
`,
    seccomp: `
sethostname
# hostnamectl binds its end of the bus socket.
bind
`,
  },
});
