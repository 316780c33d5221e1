import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "process-control",
  summary: "allows changing the priority, scheduling and limits of other processes, and signalling them",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Renice, reschedule, re-limit and signal processes that are not the snap's own.
capability sys_nice,
capability sys_resource,
capability kill,
signal (send),
/{,usr/}bin/nice ixr,
/{,usr/}bin/renice ixr,
/{,usr/}bin/taskset ixr,
/{,usr/}bin/chrt ixr,
/{,usr/}bin/kill ixr,
/{,usr/}bin/pkill ixr,
/{,usr/}bin/pgrep ixr,
# Finding the processes to act on.
@{PROC}/[0-9]*/ r,
@{PROC}/[0-9]*/{stat,status,cmdline,comm,sched,oom_score_adj} r,
@{PROC}/[0-9]*/oom_score_adj w,
`,
    // The default template limits prlimit64 to the caller itself; this widens it.
    seccomp: `
prlimit64
setpriority
sched_setaffinity
sched_setscheduler
sched_setparam
sched_setattr
ioprio_set
kill
`,
  },
});
