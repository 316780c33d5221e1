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
# Renice, move between CPUs, re-limit and signal processes that are not the
# snap's own (nice, kill and pgrep are among the base template's tools).
capability sys_nice,
capability sys_resource,
capability kill,
signal (send),
/{,usr/}bin/renice ixr,
/{,usr/}bin/taskset ixr,
/{,usr/}bin/pkill ixr,
# Which parts of a process's memory go into its core dumps (search engines
# such as OpenSearch set their own).
@{PROC}/[0-9]*/coredump_filter rw,
# Kept beyond snapd's module: snapd's base template lets every snap read any
# process's stat and status, Plugboard's only its owner's; pkill and renice
# read them to find the processes they act on.
@{PROC}/[0-9]*/{stat,statm,status} r,
`,
    seccomp: `
# Priority and scheduling of any process, and a negative nice value.
nice
setpriority
sched_setaffinity
sched_setscheduler
sched_setparam
sched_setattr
# Kept beyond snapd's module: snapd's default filter allows prlimit64 on any
# process, Plugboard's only on the caller; the resource limits of others
# belong with this interface.
prlimit64
`,
  },
});
