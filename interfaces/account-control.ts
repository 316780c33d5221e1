import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "account-control",
  summary: "allows adding, changing and removing local user accounts and groups",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The shadow-utils tools (useradd, usermod, userdel, groupadd, chpasswd…)
# rewrite the account databases through lock files and a temporary copy.
/{,usr/}sbin/{user,group}{add,mod,del} ixr,
/{,usr/}sbin/{chpasswd,chgpasswd,chage,gpasswd} ixr,
/{,usr/}bin/{chage,gpasswd,passwd} ixr,
/etc/login.defs r,
/etc/default/useradd r,
/etc/skel/ r,
/etc/skel/** r,
/etc/{passwd,group,shadow,gshadow,subuid,subgid} rw,
/etc/{passwd,group,shadow,gshadow,subuid,subgid}{-,+,.lock,.[0-9]*} rwl,
/etc/.pwd.lock rwk,
/var/lib/extrausers/ r,
/var/lib/extrausers/{passwd,group,shadow,gshadow}{,-,+,.lock,.[0-9]*} rwlk,
# Creating a new user's home and mail spool, owned by that user.
/home/ r,
/home/*/ rw,
/home/*/** rwl,
/var/mail/ r,
/var/mail/* rw,
capability chown,
capability dac_override,
capability fowner,
capability fsetid,
capability audit_write,
# The tools log each change to the audit subsystem.
network netlink raw,
`,
    // libaudit binds its audit socket before it reports.
    seccomp: `
socket AF_NETLINK - NETLINK_AUDIT
bind
`,
  },
});
