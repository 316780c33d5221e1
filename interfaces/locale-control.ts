import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "locale-control",
  summary: "allows changing the system locale and keyboard layout through localed",
  // snapd also provides it on Ubuntu Core Desktop; Plugboard has no device
  // mode for that, so on Core it is left out as on ordinary Ubuntu Core.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# localed is started on the first call, so the calls to it name the service
# rather than its label, which it may not carry yet.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/locale1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/locale1 interface=org.freedesktop.DBus.Properties member={Get,GetAll},
dbus (send) bus=system path=/org/freedesktop/locale1 interface=org.freedesktop.locale1 member={SetLocale,SetX11Keyboard,SetVConsoleKeyboard} peer=(name=org.freedesktop.locale1),
dbus (receive) bus=system path=/org/freedesktop/locale1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged,

# The system-wide locale setting, for tools that edit it without localed.
/etc/default/locale rw,
`,
  },
});
