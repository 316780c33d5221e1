// The system calls every confined app gets, before any interface adds more.
// It is sized for ordinary programs (a shell, coreutils, python3, node) and
// nothing else: whatever touches the machine as a whole (mounting, modules,
// rebooting, swap, kexec, keyrings, BPF, perf, ptrace, handle-based opens,
// userfaultfd, namespaces) is left out, and interfaces grant it. Whatever
// reaches into another process (its priority, its CPUs, its I/O class) is
// limited to the caller itself; process-control grants the rest.
// Sockets are limited to AF_UNIX clients; network-bind adds serving, the
// network interfaces the other families.
//
// Where snapd's default template (2.57) filters a call's arguments, so does
// this one, and what snapd leaves to interfaces (serving, changing owners,
// renicing others, namespaces, pidfds, I/O priorities) is left to them here
// too.
//
// Names that exist only on some architectures (open on x86_64 but not on
// aarch64, the *64 and *_time64 calls of 32-bit programs) are fine:
// libseccomp adds each rule on the architectures that have the call.

export const DEFAULT_SECCOMP_TEMPLATE = `# Plugboard default seccomp template

# --- processes and threads ---
execve
execveat
exit
exit_group
fork
vfork
# Flags below CLONE_NEWUSER: fork, vfork, threads and posix_spawn all fit.
# CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET and CLONE_IO do not.
clone <CLONE_NEWUSER
# clone3 is answered with ENOSYS unless a rule names it (see source.ts), so
# the C library falls back to clone, whose flags the rule above checks.
# No unshare: new mount, UTS, IPC or cgroup namespaces would let a program
# rearrange the world its confinement was written for, and ordinary programs
# have no use for the rest of what it does. Interfaces that run sandboxes
# (browser-support, docker-support) grant it.
wait4
waitid
waitpid
# Signals go by pid (kill, tkill, tgkill), which AppArmor's signal rules
# mediate. No pidfd_open or pidfd_send_signal: a pidfd is a lasting handle on
# another process (to signal it, wait for it, or with ptrace rights take its
# file descriptors), more than an app needs by default.
kill
tkill
tgkill
getpid
getppid
gettid
getpgid
getpgrp
setpgid
getsid
setsid
set_tid_address
set_robust_list
rseq
arch_prctl
set_thread_area
get_thread_area
set_tls
cacheflush
prctl
# Only the default persona, and querying it (0xffffffff).
personality 0
personality 8
personality 0xffffffff
getrlimit
ugetrlimit
setrlimit
# prlimit64 on the caller itself (pid 0); other processes' limits are not its business.
prlimit64 0
getrusage
times
umask
uname
sysinfo
getcpu
getrandom
# Capabilities can be read; setting them is for interfaces.
capget
# A program may narrow its own system calls further.
seccomp

# --- identity (reading only; changing it is for interfaces) ---
getuid
geteuid
getgid
getegid
getresuid
getresgid
getgroups
getuid32
geteuid32
getgid32
getegid32
getresuid32
getresgid32
getgroups32

# --- scheduling ---
# Reading any of this is harmless. Changing it is limited to the caller
# (pid 0 means "myself"); doing it to other processes is process-control's.
sched_yield
sched_getaffinity
sched_getparam
sched_getscheduler
sched_getattr
sched_get_priority_max
sched_get_priority_min
sched_rr_get_interval
sched_rr_get_interval_time64
getpriority
ioprio_get
sched_setaffinity 0
sched_setparam 0
# sched_setscheduler stays unfiltered: snapd once limited it to pid 0 and
# went back because existing snaps broke (LP: #1661265). Raising a policy
# still needs CAP_SYS_NICE, and changing another user's process needs it too;
# AppArmor grants that capability only through interfaces.
sched_setscheduler
# No sched_setattr: it does all sched_setscheduler and sched_setparam do and
# also sets deadlines and utilisation clamps, through a structure in memory
# that seccomp cannot read. process-control grants it.
# A program may renice itself to 0..19 (the kernel still refuses to go back
# below its current value without CAP_SYS_NICE); a negative nice value, a
# process group, a user or any other pid is process-control's. The value is
# an int compared unsigned, so "<=19" holds for no negative number however
# the caller widens it to 64 bits.
setpriority PRIO_PROCESS 0 <=19
# No ioprio_set: besides the caller, it reaches a process group or every
# process of a user (IOPRIO_WHO_PGRP, IOPRIO_WHO_USER). process-control
# grants it.

# --- memory ---
brk
mmap
mmap2
munmap
mremap
mprotect
madvise
mincore
msync
mlock
mlock2
munlock
mlockall
munlockall
membarrier
memfd_create
get_mempolicy
set_mempolicy
mbind
pkey_alloc
pkey_free
pkey_mprotect

# --- files and directories ---
read
readv
pread64
preadv
preadv2
write
writev
pwrite64
pwritev
pwritev2
open
openat
openat2
creat
close
close_range
dup
dup2
dup3
lseek
_llseek
stat
lstat
fstat
newfstatat
stat64
lstat64
fstat64
fstatat64
statx
statfs
fstatfs
statfs64
fstatfs64
access
faccessat
faccessat2
readlink
readlinkat
getcwd
chdir
fchdir
getdents
getdents64
mkdir
mkdirat
rmdir
unlink
unlinkat
rename
renameat
renameat2
link
linkat
symlink
symlinkat
chmod
fchmod
fchmodat
# Ownership may only move to root: uid 0 and gid 0, or one of them with -1
# ("leave it") for the other. Snap services run as root and keep their files
# root's; an unprivileged app cannot give a file to root anyway (the kernel
# wants CAP_CHOWN). Giving files to any other user or group would let an app
# plant files owned by someone else, so that is left to interfaces. -1 for
# both changes nothing and is not allowed either, as in snapd. fchownat takes
# a directory and a path before the ids.
# chown root:root
chown - u:root g:root
fchown - u:root g:root
lchown - u:root g:root
fchownat - - u:root g:root
chown32 - u:root g:root
fchown32 - u:root g:root
lchown32 - u:root g:root
# chown root (group unchanged)
chown - u:root -1
fchown - u:root -1
lchown - u:root -1
fchownat - - u:root -1
chown32 - u:root -1
fchown32 - u:root -1
lchown32 - u:root -1
# chgrp root (owner unchanged)
chown - -1 g:root
fchown - -1 g:root
lchown - -1 g:root
fchownat - - -1 g:root
chown32 - -1 g:root
fchown32 - -1 g:root
lchown32 - -1 g:root
truncate
ftruncate
truncate64
ftruncate64
fallocate
fsync
fdatasync
sync
syncfs
sync_file_range
sync_file_range2
arm_sync_file_range
fadvise64
fadvise64_64
arm_fadvise64_64
readahead
utime
utimes
utimensat
utimensat_time64
futimesat
fcntl
fcntl64
flock
# FIFOs only (mkfifo): S_IFIFO is 010000. Device nodes are for interfaces.
mknod - |010000
mknodat - - |010000
sendfile
sendfile64
copy_file_range
splice
tee
vmsplice
getxattr
lgetxattr
fgetxattr
listxattr
llistxattr
flistxattr
setxattr
lsetxattr
fsetxattr
removexattr
lremovexattr
fremovexattr
inotify_init
inotify_init1
inotify_add_watch
inotify_rm_watch

# --- terminals and devices ---
# Which devices a program can open is decided elsewhere (AppArmor, udev
# tags, the device cgroup); ioctl on what it has open is allowed, except:
ioctl
# TIOCSTI pushes characters into a terminal's input and TIOCLINUX can read
# and paste a virtual console: both let a confined program type commands
# into a shell outside its sandbox. Denied even where ioctl is granted.
~ioctl - TIOCSTI
~ioctl - TIOCLINUX

# --- pipes, events and polling ---
pipe
pipe2
eventfd
eventfd2
signalfd
signalfd4
timerfd_create
timerfd_settime
timerfd_gettime
timerfd_settime64
timerfd_gettime64
epoll_create
epoll_create1
epoll_ctl
epoll_wait
epoll_pwait
epoll_pwait2
poll
ppoll
ppoll_time64
select
_newselect
pselect6
pselect6_time64

# --- futexes ---
futex
futex_time64
futex_waitv

# --- time ---
clock_gettime
clock_gettime64
clock_getres
clock_getres_time64
clock_nanosleep
clock_nanosleep_time64
gettimeofday
time
nanosleep
alarm
getitimer
setitimer
timer_create
timer_settime
timer_settime64
timer_gettime
timer_gettime64
timer_getoverrun
timer_delete

# --- signals ---
rt_sigaction
rt_sigprocmask
rt_sigreturn
rt_sigpending
rt_sigtimedwait
rt_sigtimedwait_time64
rt_sigsuspend
rt_sigqueueinfo
rt_tgsigqueueinfo
sigaction
sigprocmask
sigreturn
sigsuspend
sigpending
signal
sigaltstack
pause
restart_syscall

# --- local sockets ---
# Only AF_UNIX sockets can be created here; the network interfaces allow
# the other families. The calls below work on any socket the program has,
# including ones it inherited. They make a client: serving (bind, listen,
# accept, accept4) is what network-bind grants, whatever the family, so an
# app that has not asked to be a service cannot become one.
socket AF_UNIX
socketpair AF_UNIX
connect
getsockname
getpeername
getsockopt
setsockopt
sendto
recvfrom
sendmsg
recvmsg
sendmmsg
recvmmsg
recvmmsg_time64
shutdown
`;
