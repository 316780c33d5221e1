import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "multipass-support",
  summary: "allows operating as the Multipass virtual machine manager",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The Multipass daemon writes and loads its own AppArmor profiles for the
    // helpers it starts (qemu, dnsmasq, sshfs_server) and runs each under its
    // profile. Loading policy is powerful; it is why only the multipass snap
    // may have this plug.
    apparmor: `
/{,usr/}sbin/apparmor_parser ixr,
/etc/apparmor/ r,
/etc/apparmor/** r,
/etc/apparmor.d/ r,
/etc/apparmor.d/** r,
/sys/kernel/security/apparmor/ r,
/sys/kernel/security/apparmor/** r,
/sys/kernel/security/apparmor/.replace w,
/sys/kernel/security/apparmor/.remove w,
capability mac_admin,
# Its socket is owned by root with the admin group; helpers drop privileges.
capability chown,
capability setuid,
capability setgid,
capability kill,
# Only into profiles of Multipass's own naming, and only for its own helpers.
change_profile unsafe /var/snap/@{SNAP_NAME}/*/usr/bin/* -> multipass.*,
signal (send) peer=multipass.*,
ptrace (read, trace) peer=multipass.*,
`,
    // dnsmasq drops supplementary groups; helpers switch users.
    seccomp: `
setgroups 0 -
setgroups32 0 -
setuid
setuid32
setgid
setgid32
setresuid
setresuid32
setresgid
setresgid32
`,
  },
});
