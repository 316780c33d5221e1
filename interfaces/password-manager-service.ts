import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "password-manager-service",
  summary: "allows using the desktop's password store (Secret Service, KWallet)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Sensitive: every secret the user's keyring holds is reachable through
    // these. Both APIs name what they fetch in message data, which AppArmor
    // does not see, so one app's secrets cannot be kept from another's.
    apparmor: `
${SESSION_BUS_STRICT}
# The freedesktop Secret Service (gnome-keyring, KeePassXC, kwallet's bridge).
dbus (receive, send) bus=session path=/org/freedesktop/secrets{,/**} interface=org.freedesktop.DBus.* peer=(label=unconfined),
dbus (receive, send) bus=session path=/org/freedesktop/secrets{,/**} interface=org.freedesktop.Secret.{Collection,Item,Prompt,Service,Session} peer=(label=unconfined),
# KDE's KWallet daemon.
dbus (receive, send) bus=session path=/modules/kwalletd{,[56]} interface=org.freedesktop.DBus.* peer=(label=unconfined),
dbus (receive, send) bus=session path=/modules/kwalletd{,[56]} interface=org.kde.KWallet peer=(label=unconfined),
`,
  },
});
