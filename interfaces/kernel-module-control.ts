import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kernel-module-control",
  summary: "allows inserting, removing and inspecting kernel modules",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Any module the snap hands the kernel can be loaded: CAP_SYS_MODULE has
    // no finer grain, which is why the plug is super-privileged.
    apparmor: `
capability sys_module,
# kmod (insmod, rmmod, modprobe, lsmod) and the loaded-module list.
@{PROC}/modules r,
/{,usr/}bin/kmod ixr,
# Loaded modules' state and parameters, and modprobe's configuration.
/sys/module/{,**} r,
/etc/modprobe.d/{,**} r,
/{,usr/}lib/modprobe.d/{,**} r,
# Module signature checks read the kernel log (syslog(2), allowed only with
# CAP_SYSLOG when dmesg_restrict is set); the capability also shows kernel
# addresses in /proc/kallsyms when kptr_restrict is 1.
capability syslog,
# Reading physical memory, kept here for old snaps that got it from this
# interface before physical-memory-observe existed.
/dev/mem r,
`,
    seccomp: `
init_module
finit_module
delete_module
`,
    udev: ['KERNEL=="mem"'],
  },
});
