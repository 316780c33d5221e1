import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "log-observe",
  summary: "allows read access to system logs",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // (snapd also lets the snap run the host's journalctl through its
    // hostfs mount; Plugboard runs apps on the host's root, where the rule
    // for /usr/bin/journalctl below covers it.)
    apparmor: `
# Log files, the kernel log device, and the journal with journalctl and its
# message catalogue.
/var/log/ r,
/var/log/** r,
/dev/kmsg r,
/run/log/journal/ r,
/run/log/journal/** r,
/var/lib/systemd/catalog/database r,
/{,usr/}bin/journalctl ixr,
# Tuning the kernel's log rate limit with sysctl.
/{,usr/}sbin/sysctl ixr,
@{PROC}/sys/kernel/printk_ratelimit rw,
# AppArmor's audit mode (normal, quiet, all, ...); any value can be written.
/sys/module/apparmor/parameters/audit rw,
# Turning system call numbers in seccomp reports into names.
/usr/bin/scmp_sys_resolver ixr,
# Root reads logs owned by other users and groups; dac_read_search also keeps
# AppArmor from logging a denial for every such file (open_by_handle_at,
# which it would also allow, stays refused by seccomp).
capability dac_override,
capability dac_read_search,
# Not in snapd's log-observe: syslog(2) reading the whole kernel log needs it
# where dmesg_restrict is 1 (Debian's default). Kept so that dmesg works, as
# the VM scenario for this interface checks.
capability syslog,
`,
    // The kernel log is read with syslog(2), which snapd's default template
    // allows every snap and Plugboard's leaves to the interfaces.
    seccomp: `
syslog
`,
    udev: ['KERNEL=="kmsg"'],
  },
});
