import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "auditd-support",
  summary: "allows running the audit daemon, which configures kernel auditing and collects its records",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The kernel's audit subsystem is driven over an audit netlink socket;
# turning auditing on or off, setting rules and reading its status take
# CAP_AUDIT_CONTROL.
network netlink,
capability audit_control,

# Records name processes by their login user and session.
@{PROC}/*/{loginuid,sessionid} r,

# auditd's pid and state files.
/{,var/}run/auditd.{pid,state} rw,

# auditd makes itself less likely to be killed when memory runs out.
@{PROC}/@{pid}/oom_score_adj rw,
`,
    seccomp: `
# The audit netlink socket, bound to receive the kernel's records.
socket AF_NETLINK - NETLINK_AUDIT
bind
# auditd sets its own priority (priority_boost). Unfiltered, as in snapd; a
# negative nice value still needs CAP_SYS_NICE, which is not granted here.
setpriority
`,
  },
});
