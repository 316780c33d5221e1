import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kernel-module-observe",
  summary: "allows listing loaded kernel modules and reading their parameters",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# What lsmod and modinfo read: the loaded-module list, each module's sysfs
# directory (parameters, reference counts), and the module tree on disk.
@{PROC}/modules r,
/sys/module/ r,
/sys/module/** r,
/{,usr/}lib/modules/ r,
/{,usr/}lib/modules/** r,
/{,usr/}bin/kmod ixr,
`,
  },
});
