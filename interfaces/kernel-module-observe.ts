import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kernel-module-observe",
  summary: "allows listing loaded kernel modules and reading their parameters",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // What lsmod and friends read. kmod runs in this profile; without
    // capability sys_module and the module system calls it can only look.
    apparmor: `
/{,usr/}bin/kmod ixr,
@{PROC}/modules r,
# Reading the whole kernel log (and its size) even where dmesg_restrict is
# set, to check which modules were loaded. It also shows kernel addresses in
# /proc/kallsyms and the like where kptr_restrict is 1.
capability syslog,
# Each loaded module's sysfs directory, and the modprobe configuration.
/sys/module/{,**} r,
/etc/modprobe.d/{,**} r,
/{,usr/}lib/modprobe.d/{,**} r,
`,
    // The kernel log is read with syslog(2); snapd's default allows the call
    // to every snap, Plugboard's only with the interfaces that need it.
    seccomp: `
syslog
`,
  },
});
