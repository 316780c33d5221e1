import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "screen-inhibit-control",
  summary: "allows keeping the screen from blanking or locking, e.g. while a video plays",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# The session bus, and the inhibit calls of the screensaver, session manager
# and power manager services that desktops provide.
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=session path=/{,org/freedesktop/}ScreenSaver interface=org.freedesktop.ScreenSaver member={Inhibit,UnInhibit,SimulateUserActivity,GetActive} peer=(label=unconfined),
dbus (send) bus=session path=/org/gnome/SessionManager interface=org.gnome.SessionManager member={Inhibit,Uninhibit,IsInhibited} peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/PowerManagement/Inhibit interface=org.freedesktop.PowerManagement.Inhibit member={Inhibit,UnInhibit,HasInhibit} peer=(label=unconfined),
dbus (receive) bus=session interface=org.freedesktop.PowerManagement.Inhibit member=HasInhibitChanged peer=(label=unconfined),
`,
  },
});
