import { defineInterface, onlyKnownAttrs, optionalBool, type ConnectedContext } from "../src/iface/index.js";

// The Docker daemon (and containerd, runc and the shims) needs most of the
// machine, so these rules guard against its mistakes rather than confine an
// attacker. They are still a list: every path, capability and system call
// here is one snapd's docker-support grants, and the unbounded grants (every
// file, every device, leaving confinement) come only with
// `privileged-containers: true`, as in snapd.
//
// Left out, so that Plugboard grants less than snapd rather than more:
// - `userns,` and `mqueue,`: snapd adds them only when the parser knows those
//   rules, and the profiles here are written for the 3.0 ABI, which has neither.
// - the /system-data/var/snap/... rules snapd adds on Ubuntu Core 16 and 18,
//   where overlayfs upper layers show under that path: no system Plugboard
//   runs on has that layout, so the rules would only grant paths that never exist.
// - lsm_set_self_attr: the seccomp compiler refuses names libseccomp does not
//   know, and the libseccomp this builds with predates it.
// - what other backends of snapd do (loading the overlay module, Delegate=yes
//   for the services, leaving the device cgroup to the daemon): Plugboard has
//   no kernel-module or systemd backend, and docker-support tags no devices.

/**
 * Paths the every-path rules below leave out. snapd leaves out the snapd and
 * core snaps' snap-confine because its devmode profiles give that program an
 * exec transition of their own that a glob over every path would contradict.
 * Plugboard has no such rule, but leaves them out too so that it never grants
 * more than snapd.
 */
const SNAP_CONFINE = ["/snap/snapd/*/usr/lib/snapd/snap-confine", "/snap/core/*/usr/lib/snapd/snap-confine"] as const;

/**
 * AppArmor globs that together match every absolute path except the given
 * ones and anything that starts with them. AppArmor has no "all but" rule,
 * so the complement is spelled out: at each character of an excluded path,
 * one glob takes every path that leaves it there. A `*` stands for one whole
 * path component. Prefixes of an excluded path (`/snap`, `/snap/core/x`)
 * match nothing, which errs on the side of granting less.
 */
export function globsExcept(excluded: readonly string[]): string[] {
  interface Node {
    readonly next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const p of excluded) {
    if (!/^\/(?:(?:[A-Za-z0-9._-]+|\*)\/)*[A-Za-z0-9._-]+$/.test(p)) throw new Error(`globsExcept: ${JSON.stringify(p)} is not a plain path with whole-component *`);
    let n = root;
    for (const tok of p.slice(1).match(/\*|[^*]/g)!) {
      let child = n.next.get(tok);
      if (!child) n.next.set(tok, (child = { next: new Map(), end: false }));
      n = child;
    }
    n.end = true;
  }
  const out: string[] = [];
  const walk = (n: Node, prefix: string): void => {
    // Everything below the end of an excluded path is excluded too.
    if (n.end) return;
    const star = n.next.get("*");
    if (star) {
      if (n.next.size > 1) throw new Error(`globsExcept: a component is both * and named after ${JSON.stringify(prefix)}`);
      // A component matched by * ends at the next slash; the walk goes on past it.
      walk(star.next.get("/")!, `${prefix}*/`);
      return;
    }
    out.push(`${prefix}[^${[...n.next.keys()].sort().join("")}]**`);
    for (const [c, child] of [...n.next].sort(([a], [b]) => (a < b ? -1 : 1))) walk(child, prefix + c);
  };
  walk(root, "/");
  return out;
}

const exceptSnapConfine = (rule: (glob: string) => string): string => globsExcept(SNAP_CONFINE).map(rule).join("\n");

const defaultRules = (): string => `
# The system bus, for the calls to systemd below.
/{,var/}run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),

# The daemon's own API socket and run-time state, and runc's.
/{,var/}run/docker.sock rw,
/{,var/}run/docker/ rw,
/{,var/}run/docker/** mrwklix,
/{,var/}run/runc/ rw,
/{,var/}run/runc/** mrwklix,

# containerd's state and sockets, including the k8s.io namespace a kubelet uses.
/{,var/}run/containerd/{,s/,runc/,runc/k8s.io/,runc/k8s.io/*/} rw,
/{,var/}run/containerd/runc/k8s.io/*/** rwk,
/{,var/}run/containerd/{io.containerd*/,io.containerd*/k8s.io/,io.containerd*/k8s.io/*/} rw,
/{,var/}run/containerd/io.containerd*/*/** rwk,
/{,var/}run/containerd/s/** rwk,
# The shims listen on abstract sockets of their own.
unix (bind,listen) type=stream addr="@/containerd-shim/**.sock\\x00",

# IP address management state, only the kubernetes networks'.
/run/ipam-state/k8s-** rw,
/run/ipam-state/k8s-*/lock k,

# Where the network overlay and the kubelet leave configuration and pod
# secrets when a kubernetes control plane outside any snap drives containerd.
/run/flannel/{,**} rk,
/run/secrets/kubernetes.io/{,**} rk,

/{,var/}run/mount/utab r,

# Every process's information can be read; writes only to pick the profile a
# container's first program runs under, and its OOM score.
@{PROC}/ r,
@{PROC}/** r,
@{PROC}/[0-9]*/attr/{,apparmor/}exec w,
@{PROC}/[0-9]*/oom_score_adj w,

# Memory and CPU facts the daemon sizes containers by.
/sys/kernel/mm/hugepages/ r,
/sys/kernel/mm/transparent_hugepage/{,**} r,
/sys/fs/cgroup/cpuset/cpuset.cpus r,
/sys/fs/cgroup/cpuset/cpuset.mems r,
/sys/module/apparmor/parameters/enabled r,

# Control groups: only the subtrees containers are placed in (Docker's own,
# kubernetes pods', and systemd's system.slice when containerd lets systemd
# manage them), so the daemon cannot move or limit the rest of the system.
/sys/fs/cgroup/*/docker/ rw,
/sys/fs/cgroup/*/docker/** rw,
/sys/fs/cgroup/*/kubepods/ rw,
/sys/fs/cgroup/*/kubepods/** rw,
/sys/fs/cgroup/*/systemd/{,system.slice/} rw,
/sys/fs/cgroup/*/systemd/system.slice/** r,
/sys/fs/cgroup/*/systemd/system.slice/cgroup.procs w,

# With cgroup v2 the daemon asks systemd for transient scopes to run
# containers in, and hears when the jobs end.
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member={StartTransientUnit,KillUnit,StopUnit,ResetFailedUnit,SetUnitProperties} peer=(name=org.freedesktop.systemd1,label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member=JobRemoved peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(name=org.freedesktop.systemd1,label=unconfined),

# Every capability: the daemon hands a reduced set on to each container.
capability,

# Building container file systems: mounts anywhere, device-mapper and loop
# devices for the storage drivers, and pivoting into the new root.
mount,
umount,
pivot_root,
/dev/mapper/control rw,
/dev/mapper/docker* rw,
/dev/loop-control r,
/dev/loop[0-9]* rw,
/sys/devices/virtual/block/dm-[0-9]*/** r,
# After pivot_root the old root is left at /.pivot_rootNNN, which is removed.
/.pivot_root[0-9]*/ rw,
# The aufs storage driver's files.
/{dev,run}/shm/aufs.xino mrw,
/proc/fs/aufs/plink_maint w,
/sys/fs/aufs/** r,
# The host's root directory itself (listing it, not what is below).
/ r,
# Under attach_disconnected, descriptors passed in from a container
# (/proc/PID/fd/N) appear as /N.
/[0-9]* rw,
# Newer daemons point /dev/ptmx at /dev/pts/ptmx; a container's shell needs it.
/dev/pts/ptmx rw,

# runc runs a sealed in-memory copy of itself (its defence against
# CVE-2019-5736), which AppArmor sees as "/"; some images start with the
# pause or busybox helpers.
/ ix,
/bin/runc ixr,
/pause ixr,
/bin/busybox ixr,

# The daemon traces runc, which runs under this profile too.
ptrace (trace) peer=@{profile_name},

# Journald's client libraries bind datagram sockets to automatic addresses;
# the 3.0 ABI cannot say "automatic only", so every datagram bind is allowed.
unix (bind) type=dgram,

# Writing and loading the profiles the daemon puts containers under.
/{,usr/}sbin/apparmor_parser ixr,
/etc/apparmor.d/cache/ r,
/etc/apparmor.d/cache/.features r,
/etc/apparmor.d/{,cache/}docker* rw,
/var/cache/apparmor/{,*/} r,
/var/cache/apparmor/*/.features r,
/var/cache/apparmor/*/docker* rw,
/etc/apparmor.d/tunables/{,**} r,
/etc/apparmor.d/abstractions/{,**} r,
/etc/apparmor/parser.conf r,
/etc/apparmor.d/abi/{,*} r,
/etc/apparmor/subdomain.conf r,
/sys/kernel/security/apparmor/.replace rw,
/sys/kernel/security/apparmor/{,**} r,

# Starting containers under Docker's default profile and containerd's, and
# signalling and tracing them there. Any other profile, unconfined included,
# needs privileged-containers. The snapd and core snaps' snap-confine is left
# out of these globs as snapd leaves it out.
${exceptSnapConfine((g) => `change_profile unsafe ${g} -> docker-default,`)}
signal (send) peer=docker-default,
ptrace (read, trace) peer=docker-default,
${exceptSnapConfine((g) => `change_profile unsafe ${g} -> cri-containerd.apparmor.d,`)}
signal (send) peer=cri-containerd.apparmor.d,
ptrace (read, trace) peer=cri-containerd.apparmor.d,
`;

const privilegedRules = (): string => `
# privileged-containers: containers may run under any profile or none, with
# every device and file of the host. Whoever controls the daemon then owns
# the machine.
${exceptSnapConfine((g) => `change_profile unsafe ${g},`)}
signal (send) peer=unconfined,
ptrace (read, trace) peer=unconfined,
/dev/** mrwkl,
@{PROC}/** mrwkl,
# A kubelet runs files at any place in a container's tree (after pivot_root
# that is any path).
${exceptSnapConfine((g) => `${g} rwlix,`)}
`;

// Docker's own default list of what containers may call, less the calls with
// a record of container escapes (module loading, open_by_handle_at and
// name_to_handle_at), plus keyctl, pivot_root and ptrace for runc and the
// daemon. A filter can only narrow what the daemon's children get, so the
// daemon needs everything its containers will be given.
const DEFAULT_SYSCALLS = `
keyctl
pivot_root
ptrace
accept
accept4
access
acct
adjtimex
alarm
arch_prctl
bind
bpf
breakpoint
brk
cacheflush
capget
capset
chdir
chmod
chown
chown32
chroot
clock_getres
clock_getres_time64
clock_gettime
clock_gettime64
clock_nanosleep
clock_nanosleep_time64
clone
close
connect
copy_file_range
creat
dup
dup2
dup3
epoll_create
epoll_create1
epoll_ctl
epoll_ctl_old
epoll_pwait
epoll_wait
epoll_wait_old
eventfd
eventfd2
execve
execveat
exit
exit_group
faccessat
fadvise64
fadvise64_64
fallocate
fanotify_init
fanotify_mark
fchdir
fchmod
fchmodat
fchown
fchown32
fchownat
fcntl
fcntl64
fdatasync
fgetxattr
flistxattr
flock
fork
fremovexattr
fsetxattr
fstat
fstat64
fstatat64
fstatfs
fstatfs64
fsync
ftruncate
ftruncate64
futex
futex_time64
futimesat
getcpu
getcwd
getdents
getdents64
getegid
getegid32
geteuid
geteuid32
getgid
getgid32
getgroups
getgroups32
getitimer
getpeername
getpgid
getpgrp
getpid
getppid
getpriority
getrandom
getresgid
getresgid32
getresuid
getresuid32
getrlimit
get_robust_list
getrusage
getsid
getsockname
getsockopt
get_thread_area
get_tls
gettid
gettimeofday
getuid
getuid32
getxattr
inotify_add_watch
inotify_init
inotify_init1
inotify_rm_watch
io_cancel
ioctl
io_destroy
io_getevents
ioperm
iopl
ioprio_get
ioprio_set
io_setup
io_submit
ipc
kcmp
kill
lchown
lchown32
lgetxattr
link
linkat
listen
listxattr
llistxattr
_llseek
lookup_dcookie
lremovexattr
lseek
lsetxattr
lstat
lstat64
madvise
memfd_create
mincore
mkdir
mkdirat
mknod
mknodat
mlock
mlock2
mlockall
mmap
mmap2
modify_ldt
mount
mprotect
mq_getsetattr
mq_notify
mq_open
mq_timedreceive
mq_timedreceive_time64
mq_timedsend
mq_timedsend_time64
mq_unlink
mremap
msgctl
msgget
msgrcv
msgsnd
msync
munlock
munlockall
munmap
nanosleep
newfstatat
_newselect
open
openat
pause
perf_event_open
personality
pipe
pipe2
poll
ppoll
ppoll_time64
prctl
pread64
preadv
prlimit64
process_vm_readv
process_vm_writev
pselect6
pselect6_time64
pwrite64
pwritev
read
readahead
readlink
readlinkat
readv
reboot
recv
recvfrom
recvmmsg
recvmmsg_time64
recvmsg
remap_file_pages
removexattr
rename
renameat
renameat2
restart_syscall
rmdir
rt_sigaction
rt_sigpending
rt_sigprocmask
rt_sigqueueinfo
rt_sigreturn
rt_sigsuspend
rt_sigtimedwait
rt_sigtimedwait_time64
rt_tgsigqueueinfo
s390_pci_mmio_read
s390_pci_mmio_write
s390_runtime_instr
sched_getaffinity
sched_getattr
sched_getparam
sched_get_priority_max
sched_get_priority_min
sched_getscheduler
sched_rr_get_interval
sched_rr_get_interval_time64
sched_setaffinity
sched_setattr
sched_setparam
sched_setscheduler
sched_yield
seccomp
select
semctl
semget
semop
semtimedop
semtimedop_time64
send
sendfile
sendfile64
sendmmsg
sendmsg
sendto
setdomainname
setfsgid
setfsgid32
setfsuid
setfsuid32
setgid
setgid32
setgroups
setgroups32
sethostname
setitimer
setns
setpgid
setpriority
setregid
setregid32
setresgid
setresgid32
setresuid
setresuid32
setreuid
setreuid32
setrlimit
set_robust_list
setsid
setsockopt
set_thread_area
set_tid_address
settimeofday
set_tls
setuid
setuid32
setxattr
shmat
shmctl
shmdt
shmget
shutdown
sigaltstack
signalfd
signalfd4
sigreturn
socket
socketcall
socketpair
splice
stat
stat64
statfs
statfs64
stime
symlink
symlinkat
sync
sync_file_range
syncfs
sysinfo
syslog
tee
tgkill
time
timer_create
timer_delete
timerfd_create
timerfd_gettime
timerfd_gettime64
timerfd_settime
timerfd_settime64
timer_getoverrun
timer_gettime
timer_gettime64
timer_settime
timer_settime64
times
tkill
truncate
truncate64
ugetrlimit
umask
umount
umount2
uname
unlink
unlinkat
unshare
utime
utimensat
utimensat_time64
utimes
vfork
vhangup
vmsplice
wait4
waitid
waitpid
write
writev
`;

const privileged = (ctx: ConnectedContext): boolean => ctx.plug.attrs["privileged-containers"] === true;

export default defineInterface({
  name: "docker-support",
  summary: "allows operating as the Docker daemon",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["privileged-containers"]);
    // A boolean or nothing, as snapd insists: "yes please" must not read as true.
    optionalBool(plug.attrs, "privileged-containers");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => defaultRules() + (privileged(ctx) ? privilegedRules() : ""),
    // With privileged-containers nothing is filtered, module loading included:
    // whoever holds it owns the kernel.
    seccomp: (ctx) => DEFAULT_SYSCALLS + (privileged(ctx) ? "\n# privileged-containers: every system call.\n@unrestricted\n" : ""),
    // The overlay file system container images are stacked with.
    kmod: { load: ["overlay"] },
  },
  // The richer variant, so the shared render and compile checks cover every rule.
  examples: { plug: { "privileged-containers": true } },
});
