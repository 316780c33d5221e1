import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "desktop-launch",
  summary: "allows starting other installed applications, as a desktop shell or launcher does",
  // Classic only: the privileged launcher runs in the user's session there.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Super-privileged: a launcher can start any installed application, each
    // under its own confinement, by asking snapd's session agent. (In snapd
    // this also lifts the refusal desktop-legacy and unity7 put on reading
    // the desktop files; Plugboard's versions of those refuse nothing there.)
    apparmor: `
# The desktop files and icons snaps export, and every snap's files.
/var/lib/snapd/desktop/applications/{,*} r,
/var/lib/snapd/desktop/icons/{,**} r,
/snap/*/*/** r,
# Starting one through the privileged launcher on the session bus.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/io/snapcraft/PrivilegedDesktopLauncher interface=io.snapcraft.PrivilegedDesktopLauncher member=OpenDesktopEntry peer=(label=unconfined),
`,
  },
});
