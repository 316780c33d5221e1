import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kernel-sched-ext-control",
  summary: "allows running sched_ext schedulers written as BPF programs",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // A sched_ext scheduler is a BPF program that decides what runs on every
    // CPU of the machine: loading it takes CAP_BPF and CAP_PERFMON, and
    // CAP_SYS_RESOURCE for its locked memory.
    apparmor: `
capability bpf,
capability perfmon,
capability sys_resource,
# The running kernel's type information, which the loader relocates against.
/sys/kernel/btf/vmlinux r,
# Whether a scheduler is loaded, and CPU hotplug events it must notice.
/sys/kernel/sched_ext/ r,
/sys/kernel/sched_ext/hotplug_seq r,
/sys/kernel/sched_ext/state r,
# Pinning maps and programs in the BPF file system, everywhere but under
# /sys/fs/bpf/snap/: snapd pins each snap's device-filter maps there, and a
# scheduler has no business changing another snap's device access.
/sys/fs/bpf/ r,
/sys/fs/bpf/[^s]** rw,
/sys/fs/bpf/s[^n]** rw,
/sys/fs/bpf/sn[^a]** rw,
/sys/fs/bpf/sna[^p]** rw,
/sys/fs/bpf/snap[^/]** rw,
/sys/fs/bpf/{s,sn,sna}{,/} rw,
`,
    seccomp: `
bpf
`,
  },
});
