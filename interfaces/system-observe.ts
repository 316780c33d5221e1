import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "system-observe",
  summary: "allows reading process lists and system-wide state such as load, memory and mounts",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# What ps, top and system monitors read. ptrace (read) is what the kernel
# asks before showing another process's /proc files; tracing stays refused.
# Nothing here reveals kernel addresses (no capability syslog), and no
# process's memory map or memory is readable.
ptrace (read),
@{PROC}/tty/drivers r,

# System-wide counters and settings.
@{PROC}/cgroups r,
@{PROC}/buddyinfo r,
@{PROC}/locks r,
@{PROC}/modules r,
@{PROC}/mdstat r,
@{PROC}/schedstat r,
@{PROC}/slabinfo r,
@{PROC}/softirqs r,
@{PROC}/stat r,
@{PROC}/vmstat r,
@{PROC}/zoneinfo r,
@{PROC}/diskstats r,
@{PROC}/kallsyms r,
@{PROC}/partitions r,
@{PROC}/pressure/cpu r,
@{PROC}/pressure/io r,
@{PROC}/pressure/memory r,
@{PROC}/sys/kernel/panic r,
@{PROC}/sys/kernel/panic_on_oops r,
@{PROC}/sys/kernel/random/poolsize r,
@{PROC}/sys/kernel/random/urandom_min_reseed_secs r,
@{PROC}/sys/kernel/random/write_wakeup_threshold r,
@{PROC}/sys/kernel/sched_autogroup_enabled r,
@{PROC}/sys/kernel/threads-max r,
@{PROC}/sys/vm/max_map_count r,
@{PROC}/sys/vm/panic_on_oom r,
@{PROC}/sys/vm/swappiness r,
@{PROC}/sys/fs/protected_hardlinks r,
@{PROC}/sys/fs/protected_symlinks r,
@{PROC}/sys/fs/protected_fifos r,
@{PROC}/sys/fs/protected_regular r,

# Every process's and thread's summary files: not the detailed memory map
# (smaps, maps, mem), only the rolled-up totals.
@{PROC}/*/{,task/,task/*/} r,
@{PROC}/*/{,task/*/}autogroup r,
@{PROC}/*/{,task/*/}auxv r,
@{PROC}/*/{,task/*/}cgroup r,
@{PROC}/*/{,task/*/}cmdline r,
@{PROC}/*/{,task/*/}comm r,
@{PROC}/*/{,task/*/}exe r,
@{PROC}/*/{,task/*/}fdinfo/* r,
@{PROC}/*/{,task/*/}io r,
@{PROC}/*/{,task/*/}oom_score r,
@{PROC}/*/{,task/*/}smaps_rollup r,
@{PROC}/*/{,task/*/}schedstat r,
@{PROC}/*/{,task/*/}stat r,
@{PROC}/*/{,task/*/}statm r,
@{PROC}/*/{,task/*/}status r,
@{PROC}/*/{,task/*/}wchan r,
# Which descriptors a process has open (GPU usage monitors count them).
@{PROC}/*/fdinfo/ r,
# Each process's confinement label.
@{PROC}/*/{,task/*/}attr/{,apparmor/}current r,

# The kernel's build configuration.
@{PROC}/config.gz r,
/boot/config* r,

# CPU bandwidth and memory accounting of the machine as a whole (cgroup v1),
# and the system slice's CPU limit (v2).
/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us r,
/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us r,
/sys/fs/cgroup/cpu,cpuacct/cpu.shares r,
/sys/fs/cgroup/cpu,cpuacct/cpu.stat r,
/sys/fs/cgroup/memory/memory.stat r,
/sys/fs/cgroup/system.slice/cpu.max r,

# Filesystem statistics of ext4, btrfs and ZFS.
/sys/fs/{btrfs,ext4}/{,**} r,
@{PROC}/spl/kstat/zfs/{,**} r,

# Kept beyond snapd's module: snapd's base template lets every snap read these,
# Plugboard's does not, and the tools this interface is for read them first.
@{PROC}/{loadavg,meminfo,uptime,cpuinfo,version,filesystems} r,
@{PROC}/sys/kernel/{random/boot_id,pid_max,hostname} r,
@{PROC}/sys/fs/file-nr r,
/sys/devices/system/cpu/** r,
/sys/devices/system/node/node[0-9]*/* r,
/sys/class/ r,

# The system bus: hostname1's properties (it is started on demand, so the
# peer is not yet known by label), systemd's units, the names on the bus,
# and the machine ID.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties member=Get{,All},
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus={session,system} path={/,/org/freedesktop/DBus} interface=org.freedesktop.DBus member={ListNames,ListActivatableNames} peer=(label=unconfined),
dbus (send) bus={session,system} interface=org.freedesktop.DBus.Peer member=GetMachineId peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/systemd1{,/**} interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member={GetUnit,ListUnits} peer=(label=unconfined),
# Not granted: the host's os-release through /var/lib/snapd/hostfs (apps
# here see the host's /etc/os-release, which the base template grants), and
# the /boot bind mount snapd sets up for the same reason.
`,
    // snapd also allows lsm_get_self_attr (reading one's own LSM label); the
    // libseccomp this is built with does not know that call, so it is left out.
  },
});
