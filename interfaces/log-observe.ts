import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "log-observe",
  summary: "allows read access to system logs",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# System log files and the journal, and the kernel ring buffer dmesg reads.
/var/log/ r,
/var/log/** r,
/run/log/journal/ r,
/run/log/journal/** r,
/dev/kmsg r,
@{PROC}/sys/kernel/dmesg_restrict r,
capability syslog,
`,
    seccomp: `
syslog
`,
  },
});
