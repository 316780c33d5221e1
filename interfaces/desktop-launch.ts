import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "desktop-launch",
  summary: "allows starting other installed applications, as a desktop shell or launcher does",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Super-privileged: a launcher can start any installed application,
    // each under its own confinement.
    apparmor: `
# The applications installed snaps export, and their icons.
/var/lib/snapd/desktop/ r,
/var/lib/snapd/desktop/applications/ r,
/var/lib/snapd/desktop/applications/** r,
/var/lib/snapd/desktop/icons/ r,
/var/lib/snapd/desktop/icons/** r,
/usr/share/applications/ r,
/usr/share/applications/** r,
owner @{HOME}/.local/share/applications/ r,
owner @{HOME}/.local/share/applications/** r,
# Starting one asks the privileged launcher on the session bus to do it.
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=session path=/io/snapcraft/PrivilegedDesktopLauncher interface=io.snapcraft.PrivilegedDesktopLauncher member=OpenDesktopEntry peer=(label=unconfined),
# Or runs the command wrapper, which moves into the target's own profile.
# /snap/bin/* are symlinks to /usr/bin/snap and AppArmor checks the path they
# resolve to, so the exact rule below is the one that applies. A "/snap/bin/* Ux"
# glob conflicted with the "/** ix" of lxd-support and docker-support, and a
# snap with both connections got a profile apparmor_parser refuses (fuzz test).
/snap/bin/ r,
/usr/bin/snap Ux,
`,
  },
});
