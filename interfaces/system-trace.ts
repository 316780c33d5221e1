import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "system-trace",
  summary: "allows tracing and profiling the whole system with ftrace, kprobes, perf and eBPF",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Kernel tracing sees everything the kernel does; capability sys_admin is
    // what perf and BPF need on kernels without CAP_PERFMON/CAP_BPF, so this is
    // knowingly a privileged grant.
    apparmor: `
capability sys_admin,
capability perfmon,
capability bpf,
capability sys_resource,
capability ipc_lock,
/sys/kernel/debug/ r,
/sys/kernel/debug/tracing/ r,
/sys/kernel/debug/tracing/** rw,
/sys/kernel/tracing/ r,
/sys/kernel/tracing/** rw,
/sys/bus/event_source/devices/ r,
/sys/bus/event_source/devices/** r,
/sys/kernel/btf/vmlinux r,
/sys/fs/bpf/ r,
/sys/fs/bpf/** rw,
@{PROC}/kallsyms r,
@{PROC}/sys/kernel/{kptr_restrict,perf_event_paranoid,perf_event_max_stack,perf_event_mlock_kb} r,
@{PROC}/[0-9]*/{maps,stat,status,comm,cmdline} r,
`,
    seccomp: `
perf_event_open
bpf
`,
  },
});
