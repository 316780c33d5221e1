import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import type { PlugInfo } from "../src/snap/index.js";
import { SSL_CERTS } from "./kubernetes-support.js";

// AWS IoT Greengrass: its daemon builds a root file system for itself and
// containers for the lambdas it runs, so in the default flavor it needs a
// large share of the machine. These rules only keep its mistakes in check;
// they do not confine a hostile daemon. The plug's `flavor` picks:
// - legacy-container (or none): the daemon and its containers, as above;
// - no-container: lambdas run as plain processes, which needs almost nothing
//   beyond the base template.
// snapd accepts any other value too and then adds only the mountinfo rules;
// so does Plugboard.
//
// Left out or different, so that Plugboard grants no more than snapd:
// - the /system-data/var/snap/... rules snapd adds on Ubuntu Core 16 and 18,
//   where overlayfs upper layers show under that path: no system Plugboard
//   runs on has that layout, so the rules would only grant paths that never exist.
// - `userns,`: snapd adds it only when the parser knows the rule, and the
//   profiles here are written for the 3.0 ABI, which does not.
// - Delegate=true for the services, and leaving the device cgroup to the
//   daemon (every flavor but no-container): Plugboard has no systemd backend.
// - A flavor that is not a string: snapd reads it as no flavor at all and so
//   grants the whole container policy; Plugboard refuses it instead.

type Flavor = "legacy-container" | "no-container" | "other";

function flavorOf(plug: PlugInfo): Flavor {
  const f = plug.attrs["flavor"];
  if (f === undefined || f === "" || f === "legacy-container") return "legacy-container";
  return f === "no-container" ? "no-container" : "other";
}

// What snapd's mount-observe grants for a program's own mount table; Go
// programs read it to size their thread pool inside containers.
const MOUNTINFO = `
# The program's own mount table.
owner @{PROC}/@{pid}/mountinfo r,
owner @{PROC}/self/mountinfo r,
`;

const NO_CONTAINER = `
# Process-mode lambdas: runc clones itself into memory (its defence against
# CVE-2019-5736), which AppArmor sees as "/", or runs as /bin/runc.
/ ix,
/bin/runc rix,
`;

/** Hex UUID as greengrass names its containers' control groups and IPC directories. */
const UUID = "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]";
/** The snap's data directories; the snap is never installed under another instance name here, so both spellings are one. */
const DATA = "/var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}";
const MERGED = `${DATA}/*/ggc-writable/packages/*/rootfs/merged`;

const CONTAINERS = `
# The daemon drops capabilities from its children's bounding set, manages and
# signals them, sets their OOM scores and traces them.
capability setpcap,
capability kill,
capability sys_resource,
/sys/kernel/mm/hugepages/ r,
/sys/kernel/mm/transparent_hugepage/{,**} r,
owner @{PROC}/[0-9]*/oom_score_adj rw,
capability sys_ptrace,
ptrace (trace) peer=@{profile_name},

# Lambdas run as ggc_user and ggc_group.
capability chown,
capability fowner,
capability fsetid,
capability setuid,
capability setgid,
@{PROC}/[0-9]*/uid_map r,
@{PROC}/[0-9]*/gid_map r,
@{PROC}/[0-9]*/environ r,
owner @{PROC}/[0-9]*/uid_map w,
owner @{PROC}/[0-9]*/gid_map w,
capability dac_read_search,

# overlayfs and the mounts that set up the containers.
capability sys_admin,
capability dac_override,
@{PROC}/filesystems r,
@{PROC}/[0-9]*/setgroups r,

# Control groups: any can be read; writes only to the containers' groups
# (named by UUID) and the daemon's own, as seen from inside the pivoted root,
# where the host's tree is at /old_rootfs.
@{PROC}/cgroups r,
owner @{PROC}/[0-9]*/cgroup r,
owner /old_rootfs/sys/fs/cgroup/{,**} r,
owner /old_rootfs/sys/fs/cgroup/{blkio,cpuset,devices,hugetlb,memory,perf_event,pids,freezer/snap.@{SNAP_NAME}}/{,system.slice/}system.slice/ rw,
owner /old_rootfs/sys/fs/cgroup/{blkio,cpuset,devices,hugetlb,memory,perf_event,pids,freezer/snap.@{SNAP_NAME}}/{,system.slice/}system.slice/${UUID}/{,**} rw,
owner /old_rootfs/sys/fs/cgroup/net_cls,net_prio/{,system.slice/}system.slice/ rw,
owner /old_rootfs/sys/fs/cgroup/net_cls,net_prio/{,system.slice/}system.slice/${UUID}/{,**} rw,
owner /old_rootfs/sys/fs/cgroup/cpu,cpuacct/{,system.slice/}system.slice/ rw,
owner /old_rootfs/sys/fs/cgroup/cpu,cpuacct/{,system.slice/}system.slice/${UUID}/{,**} rw,
owner /old_rootfs/sys/fs/cgroup/{devices,memory,pids,blkio,systemd}/{,system.slice/}snap.@{SNAP_NAME}.greengrass{,d.service}/system.slice/ rw,
owner /old_rootfs/sys/fs/cgroup/{devices,memory,pids,blkio,systemd}/{,system.slice/}snap.@{SNAP_NAME}.greengrass{,d.service}/system.slice/${UUID}/{,**} rw,
owner /old_rootfs/sys/fs/cgroup/cpu,cpuacct/system.slice/snap.@{SNAP_NAME}.greengrass{,d.service}/system.slice/ rw,
owner /old_rootfs/sys/fs/cgroup/cpu,cpuacct/system.slice/snap.@{SNAP_NAME}.greengrass{,d.service}/system.slice/{,**} rw,
owner /old_rootfs/sys/fs/cgroup/cpuset/{,system.slice/}cpuset.{cpus,mems} rw,

# The wrapper scripts mount and pivot into the root prepared in $SNAP_DATA.
/{,usr/}bin/{,u}mount ixr,
/{,usr/}sbin/pivot_root ixr,
pivot_root oldroot=${DATA}/*/rootfs/old_rootfs/ ${DATA}/*/rootfs/,

/sys/devices/virtual/block/loop[0-9]*/loop/autoclear r,
/sys/devices/virtual/block/loop[0-9]*/loop/backing_file r,

# It refuses to run without the kernel's link and FIFO protections, which it
# only reads: turning them on is left to the administrator.
@{PROC}/sys/fs/protected_hardlinks r,
@{PROC}/sys/fs/protected_symlinks r,
@{PROC}/sys/fs/protected_fifos r,
@{PROC}/sys/fs/protected_regular r,
deny /run/mount/utab rw,

# Loop devices, to mount the squashfs image of its root file system. Any
# loop device means any other snap's image too: this is device control.
/dev/loop-control rw,
/dev/loop[0-9]* rw,
/sys/devices/virtual/block/loop[0-9]*/ r,
/sys/devices/virtual/block/loop[0-9]*/** r,
mount options=ro /dev/loop[0-9]* -> ${DATA}/*/rootfs/,

# Binds from anywhere in its data to anywhere in its data, and mounts of any
# kind inside a container's merged root.
mount options=(rw, bind) ${DATA}/** -> ${DATA}/**,
mount options=(rw, rbind) ${DATA}/** -> ${DATA}/**,
mount -> ${MERGED}/**,

# The daemon's own mount namespace.
mount options=(rw, bind) /proc/ -> ${DATA}/*/rootfs/proc/,
mount /sys -> ${DATA}/*/rootfs/sys/,
mount options=(rw, bind) /dev/ -> ${DATA}/*/rootfs/dev/,
mount options=(rw, bind) /{,var/}run/ -> ${DATA}/*/rootfs/{,var/}run/,
mount options=(rw, nosuid, strictatime) fstype=tmpfs tmpfs -> ${DATA}/*/rootfs/dev/,
mount options=(rw, bind) /tmp/ -> ${DATA}/*/rootfs/tmp/,
mount options=(rw, nosuid, nodev, noexec) fstype=mqueue mqueue -> ${DATA}/*/rootfs/dev/mqueue/,
mount options=(rw, nosuid, noexec) fstype=devpts devpts -> ${DATA}/*/rootfs/dev/pts/,
mount options=(rw, nosuid, nodev, noexec) fstype=tmpfs shm -> ${DATA}/*/rootfs/dev/shm/,
mount fstype=proc proc -> ${DATA}/*/rootfs/proc/,

# Each container's root: an overlay, made private and read-only, the host's
# root taken away once it is set up.
mount options=(rw, rprivate) -> /,
mount options=(ro, remount, rbind) -> /,
mount fstype=overlay -> ${MERGED}/,
umount /,

# What the daemon mounts inside each container.
mount fstype="tmpfs" options=(rw, nosuid, strictatime) tmpfs -> ${MERGED}/dev/,
mount fstype="proc" proc -> ${MERGED}/proc/,
mount fstype="devpts" options=(rw, nosuid, noexec) devpts -> ${MERGED}/dev/pts/,
mount fstype="tmpfs" options=(rw, nosuid, nodev, noexec) shm -> ${MERGED}/dev/shm/,
mount fstype="mqueue" options=(rw, nosuid, nodev, noexec) mqueue -> ${MERGED}/dev/mqueue/,
mount options=(ro, remount, bind) -> ${MERGED}/lambda/,
mount options=(ro, remount, bind) -> ${MERGED}/runtime/,
mount options=(rw, bind) /dev/null -> ${MERGED}/dev/null,
mount options=(rw, bind) /dev/random -> ${MERGED}/dev/random,
mount options=(rw, bind) /dev/full -> ${MERGED}/dev/full,
mount options=(rw, bind) /dev/tty -> ${MERGED}/dev/tty,
mount options=(rw, bind) /dev/zero -> ${MERGED}/dev/zero,
mount options=(rw, bind) /dev/urandom -> ${MERGED}/dev/urandom,
mount options=(rw, bind) /run/ -> /run/,

# The host's resolver configuration, bound into its root (Go's resolver
# reads /etc/resolv.conf itself).
mount options=(ro, bind) /run/systemd/resolve/stub-resolv.conf -> ${DATA}/*/rootfs/etc/resolv.conf,
mount options=(ro, bind) /run/resolvconf/resolv.conf -> ${DATA}/*/rootfs/etc/resolv.conf,
mount options=(ro, remount, bind) -> ${DATA}/*/rootfs/etc/resolv.conf,

# A container pivots into its merged root with pivot_root(".", ".").
pivot_root oldroot=${MERGED}/ ${MERGED}/,

# Read-only /proc trees inside containers, and /dev/null over the files that
# leak kernel state.
mount options=(ro, remount) -> /proc/{asound/,bus/,fs/,irq/,sys/,sysrq-trigger},
mount options=(ro, remount, rbind) -> /proc/{asound/,bus/,fs/,irq/,sys/,sysrq-trigger},
mount options=(ro, nosuid, nodev, noexec, remount, rbind) -> /proc/{asound/,bus/,fs/,irq/,sys/,sysrq-trigger},
mount options=(rw, bind) /proc/asound/ -> /proc/asound/,
mount options=(rw, bind) /proc/bus/ -> /proc/bus/,
mount options=(rw, bind) /proc/fs/ -> /proc/fs/,
mount options=(rw, bind) /proc/irq/ -> /proc/irq/,
mount options=(rw, bind) /proc/sys/ -> /proc/sys/,
mount options=(rw, bind) /proc/sysrq-trigger -> /proc/sysrq-trigger,
mount options=(rw, bind) /dev/null -> /proc/kcore,
mount options=(rw, bind) /dev/null -> /proc/sched_debug,
mount options=(rw, bind) /dev/null -> /proc/timer_stats,
mount options=(rw, bind) /dev/null -> /proc/latency_stats,
umount ${DATA}/*/**,

# Device nodes inside containers (mknod in seccomp too).
capability mknod,
# The daemon's pid file (/var/run is bound into its pivoted root).
owner /{var/,}run/greengrassd.pid rw,

# Everything below is reached from inside a container, after pivot_root, so
# these paths are inside the container's root, not the host's.
# IPC sockets of the lambda helpers.
/${UUID}/upper/{,greengrass_ipc.sock} rw,
# Lambda certificates, group configuration and state.
/certs/ r,
/certs/** r,
/group/ r,
/group/** r,
/state/ r,
/state/{,**} krw,
owner /state/secretsmanager/secrets.db krw,
owner /state/secretsmanager/secrets.db-journal rw,
owner /state/shadow/ rw,
owner /state/shadow/{,**} krw,
owner /state/server/ rw,
owner /state/server/{,**} rw,
# The lambda runtimes (python, node, java, native) and the functions, which
# run inside this profile: no_new_privs in the sandbox rules out a child profile.
/runtime/{python*,executable*,nodejs*,java*}/ r,
/runtime/{python*,executable*,nodejs*,java*}/** r,
/lambda/ r,
/lambda/** ixr,
/ ix,
/etc/ r,
/etc/debian_version r,

# Python's module trees and configuration (AppArmor's python abstraction,
# spelled out), and the newer layouts of later bases.
/usr/{local/,}lib{,32,64}/python{2.[4-7],3,3.[0-9],3.1[0-9]}/**.{pyc,so,so.*[0-9]} mr,
/usr/{local/,}lib{,32,64}/python{2.[4-7],3,3.[0-9],3.1[0-9]}/**.{egg,py,pth} r,
/usr/{local/,}lib{,32,64}/python{2.[4-7],3,3.[0-9],3.1[0-9]}/{site,dist}-packages/ r,
/usr/{local/,}lib{,32,64}/python{2.[4-7],3,3.[0-9],3.1[0-9]}/{site,dist}-packages/**/ r,
/usr/{local/,}lib{,32,64}/python{2.[4-7],3,3.[0-9],3.1[0-9]}/{site,dist}-packages/*.dist-info/{METADATA,namespace_packages.txt} r,
/usr/{local/,}lib{,32,64}/python{2.[4-7],3,3.[0-9],3.1[0-9]}/{site,dist}-packages/*.VERSION r,
/usr/{local/,}lib{,32,64}/python{2.[4-7],3,3.[0-9],3.1[0-9]}/{site,dist}-packages/*.egg-info/PKG-INFO r,
/usr/{local/,}lib{,32,64}/python3.{1,}[0-9]/lib-dynload/*.so mr,
/etc/python{2.[4-7],3.[0-9],3.1[0-9]}/** r,
/usr/share/{pyshared,pycentral,python-support}/** r,
/{var,usr}/lib/{pyshared,pycentral,python-support}/** r,
/usr/lib/{pyshared,pycentral,python-support}/**.so mr,
/var/lib/{pyshared,pycentral,python-support}/**.pyc mr,
/usr/lib/python3/dist-packages/**.so mr,
/usr/lib/wx/python/*.pth r,
/usr/include/python{2.[4-7],3.[0-9],3.1[0-9]}*/pyconfig.h r,
/usr/lib{,32,64}/python3.[0-9]/**.{pyc,so} mr,
/usr/lib{,32,64}/python3.[0-9]/**.{egg,py,pth} r,
/usr/lib{,32,64}/python3.[0-9]/{site,dist}-packages/ r,
/usr/lib{,32,64}/python3.[0-9]/lib-dynload/*.so mr,
/etc/python3.[0-9]/** r,
/usr/include/python3.[0-9]*/pyconfig.h r,
${SSL_CERTS}`;

const SECCOMP_CONTAINERS = `
# Ownership and groups for ggc_user and ggc_group (any ids: the filter cannot
# name those accounts ahead of time).
lchown
lchown32
fchown
fchown32
fchownat
setgroups
setgroups32
# New mount namespaces for the containers (joining only mount namespaces),
# overlays, binds and the pivot into each root.
setns - CLONE_NEWNS
unshare
mount
umount2
pivot_root
# The sandbox names itself "sandbox", and keeps session keyrings.
sethostname
keyctl
# Character (and, since the test is on bits, block) device nodes for the
# containers: S_IFCHR is 020000. This hands the snap device ownership.
mknod - |020000 -
mknodat - - |020000 -
`;

export default defineInterface({
  name: "greengrass-support",
  summary: "allows operating as the AWS IoT Greengrass service",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    const f = plug.attrs["flavor"];
    if (f !== undefined && typeof f !== "string") {
      throw new AttributeProblem(`flavor must be a string such as "legacy-container" or "no-container", not ${JSON.stringify(f)}`);
    }
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      switch (flavorOf(ctx.plug)) {
        case "legacy-container":
          return CONTAINERS + MOUNTINFO;
        case "no-container":
          return NO_CONTAINER + MOUNTINFO;
        default:
          return MOUNTINFO;
      }
    },
    seccomp: (ctx) => (flavorOf(ctx.plug) === "legacy-container" ? SECCOMP_CONTAINERS : ""),
  },
});
