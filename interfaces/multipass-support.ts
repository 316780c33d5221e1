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
/etc/apparmor{,.d}/{,**} r,
/sys/kernel/security/apparmor/{,**} r,
/sys/kernel/security/apparmor/.replace w,
/sys/kernel/security/apparmor/.remove w,
capability mac_admin,
# Its socket is owned by root with the admin group; helpers drop privileges.
capability chown,
capability setuid,
capability setgid,
capability kill,
# Only into profiles of Multipass's own naming, and only for its own helpers.
change_profile unsafe /var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/usr/bin/* -> multipass.*,
signal (send) peer=multipass.*,
ptrace (read, trace) peer=multipass.*,
`,
    seccomp: `
# dnsmasq drops its supplementary groups.
setgroups 0 -
setgroups32 0 -
# sshfs_server lets the user set any owner and group on shared files (its
# own AppArmor profile, written by Multipass, limits where).
chown
chown32
fchown
fchown32
fchownat
lchown
# (snapd also names lchownat, a call no kernel has; nothing to add.)
# Kept beyond snapd's module: snapd's default filter lets every snap on a
# current base switch its IDs to root (and AppArmor checks setuid/setgid),
# Plugboard's default filter lets none; the daemon's privilege separation
# needs that much, and no other IDs are allowed.
setuid u:root
setuid32 u:root
setgid g:root
setgid32 g:root
setreuid u:root u:root
setreuid32 u:root u:root
setreuid -1 u:root
setreuid32 -1 u:root
setreuid u:root -1
setreuid32 u:root -1
setregid g:root g:root
setregid32 g:root g:root
setregid -1 g:root
setregid32 -1 g:root
setregid g:root -1
setregid32 g:root -1
setresuid u:root u:root u:root
setresuid32 u:root u:root u:root
setresuid -1 u:root -1
setresuid32 -1 u:root -1
setresuid u:root u:root -1
setresuid32 u:root u:root -1
setresgid g:root g:root g:root
setresgid32 g:root g:root g:root
setresgid -1 g:root -1
setresgid32 -1 g:root -1
setresgid g:root g:root -1
setresgid32 g:root g:root -1
`,
  },
});
