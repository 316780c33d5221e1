import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "accounts-service",
  summary: "allows using online accounts kept by the session's accounts service (GNOME Online Accounts)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The session bus service is activated on demand, so it may not yet
    // carry the unconfined label when the first call goes out.
    apparmor: `
# The session bus, and the online-accounts objects on it.
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),
dbus (send, receive) bus=session path=/org/gnome/OnlineAccounts{,/**} interface=org.gnome.OnlineAccounts.* peer=(label=unconfined),
dbus (send, receive) bus=session path=/org/gnome/OnlineAccounts{,/**} interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (send, receive) bus=session path=/org/gnome/OnlineAccounts interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),
dbus (send) bus=session path=/org/gnome/OnlineAccounts{,/**} interface=org.freedesktop.DBus.Introspectable member=Introspect,
`,
  },
});
