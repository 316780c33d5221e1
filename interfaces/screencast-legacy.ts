import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "screencast-legacy",
  summary: "allows recording the screen through GNOME Shell's old screencast and screenshot services, which can also write files anywhere the user can",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# gnome-shell saves recordings to a file name the caller gives: this grants
# writes outside the sandbox through the shell, hence manual connection only.
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=session path=/org/gnome/Shell/{Screencast,Screenshot} interface=org.gnome.Shell.{Screencast,Screenshot} peer=(label=unconfined),
dbus (send) bus=session path=/org/gnome/Shell/{Screencast,Screenshot} interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=unconfined),
`,
  },
});
