import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

const ACCOUNTS = "bus=system path=/org/freedesktop/Accounts";

export default defineInterface({
  name: "account-control",
  summary: "allows adding, changing and removing local user accounts and groups",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Accounts are changed with useradd, userdel and chpasswd in the
    // extrausers database, which Ubuntu Core uses because its /etc/passwd
    // and friends are read-only; the host's own /etc files are not written.
    apparmor: `
# The accounts daemon (accountsservice) on the system bus: its objects,
# their properties and change signals.
${SYSTEM_BUS_STRICT}
dbus (send) ${ACCOUNTS}{,/User[0-9]*} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (send) ${ACCOUNTS} interface=org.freedesktop.Accounts peer=(label=unconfined),
dbus (send) ${ACCOUNTS}/User[0-9]* interface=org.freedesktop.Accounts.User peer=(label=unconfined),
dbus (send) ${ACCOUNTS}{,/User[0-9]*} interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
dbus (receive) ${ACCOUNTS}{,/User[0-9]*} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
# The tools, run in this profile.
/{,usr/}sbin/chpasswd ixr,
/{,usr/}sbin/user{add,del} ixr,
# The extrausers databases.
/var/lib/extrausers/ r,
/var/lib/extrausers/** rwkl,
# useradd's defaults and PAM configuration, and the PAM modules chpasswd loads.
/etc/login.defs r,
/etc/default/useradd r,
/etc/default/nss r,
/etc/pam.d/{,*} r,
/{,usr/}sbin/pam_tally2 ixr,
/{,usr/}lib/@{multiarch}/security/* ixr,
# useradd reports to the audit subsystem over netlink and gives the new
# files their owners and modes.
network netlink raw,
capability audit_write,
capability chown,
capability fsetid,
# The login records these tools update (as the wutmp abstraction lists
# them), and the failure and last-login logs.
/var/log/lastlog rwk,
/var/log/wtmp rwk,
/var/log/btmp rwk,
/{,var/}run/utmp rwk,
/var/log/faillog rwk,
/var/log/tallylog rwk,
`,
    // libaudit binds its audit socket before it reports. snapd also lets
    // useradd fchown to root and the group that owns /etc/shadow, found when
    // the profile is made. Plugboard's seccomp rules name groups, and which
    // group owns /etc/shadow (shadow, or root on some distributions) is not
    // something a rule can say here; the default template already allows
    // root:root.
    seccomp: `
bind
socket AF_NETLINK - NETLINK_AUDIT
`,
  },
});
