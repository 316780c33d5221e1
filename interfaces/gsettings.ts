import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "gsettings",
  summary: "allows reading and changing the user's desktop settings (GSettings through dconf)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    // dconf keeps every application's settings in one database, so this is
    // all of the user's desktop settings, not only the snap's own.
    apparmor: `
# Reading the database directly, and the change notifications in /run.
owner @{HOME}/.config/dconf/ r,
owner @{HOME}/.config/dconf/user r,
owner /run/user/[0-9]*/dconf/ rw,
owner /run/user/[0-9]*/dconf/user rwk,
/etc/dconf/ r,
/etc/dconf/** r,
/usr/share/glib-2.0/schemas/ r,
/usr/share/glib-2.0/schemas/gschemas.compiled r,
# Writing goes through the dconf service on the session bus.
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=session path=/ca/desrt/dconf/Writer/user interface=ca.desrt.dconf.Writer member={Change,Init} peer=(name=ca.desrt.dconf),
dbus (send) bus=session path=/ca/desrt/dconf/Writer/user interface=ca.desrt.dconf.Writer member={Change,Init} peer=(label=unconfined),
dbus (receive) bus=session path=/ca/desrt/dconf/Writer/user interface=ca.desrt.dconf.Writer member=Notify peer=(label=unconfined),
`,
  },
});
