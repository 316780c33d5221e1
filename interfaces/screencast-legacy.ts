import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

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
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/gnome/Shell/Screen{cast,shot} interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
dbus (send) bus=session path=/org/gnome/Shell/Screen{cast,shot} interface=org.gnome.Shell.Screen{cast,shot} peer=(label=unconfined),
`,
  },
});
