import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "system-trace",
  summary: "allows tracing and profiling the whole system with ftrace, kprobes, perf and eBPF",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Kernel tracing sees everything the kernel does: capability sys_admin is
    // what the bpf() call and its map types need, so this is knowingly a
    // privileged grant.
    apparmor: `
capability sys_admin,
capability sys_resource,
# The kprobe list and the ftrace control files, under debugfs and tracefs.
/sys/kernel/debug/kprobes/ r,
/sys/kernel/debug/kprobes/** r,
/sys/kernel/debug/tracing/ r,
/sys/kernel/debug/tracing/** rw,
/sys/kernel/tracing/ r,
/sys/kernel/tracing/** rw,
# Kernel headers, which BCC compiles its probes against (the modules' build
# link points into /usr/src).
/usr/src/ r,
/usr/src/** r,
`,
    seccomp: `
perf_event_open
bpf
`,
  },
});
