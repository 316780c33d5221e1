import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "steam-support",
  summary: "allows Steam's pressure-vessel to build the container games run in, and to use game controllers",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // As in snapd: pressure-vessel (bubblewrap) assembles a whole root file
    // system from host directories and pivots into it, and what it needs
    // changes with every Steam release, so the plug gets every kind of access
    // AppArmor mediates (but no change of profile) and no system call filter.
    // This plug is super-privileged and needs store approval.
    //
    // snapd writes "allow all," where the parser knows it, and adds mqueue,
    // userns and io_uring rules where the parser knows those; the 3.0 ABI
    // these profiles use has none of them, so this is snapd's list without
    // them.
    apparmor: `
allow capability,
allow file,
allow network,
allow unix,
allow ptrace,
allow signal,
allow mount,
allow umount,
allow pivot_root,
allow dbus,
`,
    seccomp: `
@unrestricted
`,
    // snapd tags no devices for this interface (so the snap's device access
    // is not narrowed); it adds Valve's and other controllers' udev rules
    // that open them to the logged-in user (uaccess), which udev snippets
    // here cannot express: the distribution's steam-devices package ships
    // the same rules.
  },
});
