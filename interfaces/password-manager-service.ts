import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "password-manager-service",
  summary: "allows using the desktop's password store (Secret Service, KWallet)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Sensitive: every secret the user's keyring holds is reachable through these.
    apparmor: `
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
# The freedesktop Secret Service (gnome-keyring, KeePassXC, kwallet's bridge).
dbus (send, receive) bus=session path=/org/freedesktop/secrets{,/**} interface=org.freedesktop.Secret.* peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/secrets{,/**} interface=org.freedesktop.DBus.Properties member={Get,GetAll,Set} peer=(label=unconfined),
dbus (receive) bus=session path=/org/freedesktop/secrets{,/**} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
# KDE's KWallet daemon.
dbus (send, receive) bus=session path=/modules/kwalletd{,5,6} interface=org.kde.KWallet peer=(label=unconfined),
`,
  },
});
