import { defineInterface, optionalBool } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";

// What web browsers (Chromium, Chrome, Edge, Firefox and the engines built on
// them) need beyond the base template: fixed names in /dev/shm and /var/tmp,
// memory and pressure statistics, and some harmless noise silenced with deny
// rules. With allow-sandbox: true also what their own sandboxes need (setuid
// helper, user and PID namespaces, chroot), which is not auto-connected.

const ALWAYS = `
# Raising other processes' OOM scores (the renderers'), and the process's own
# mount table.
owner @{PROC}/@{pid}/oom_score_adj rw,
owner @{PROC}/@{pid}/mountinfo r,
owner @{PROC}/self/mountinfo r,
# SQLite's temporary files, which Chromium puts in /var/tmp whatever TMPDIR says.
/var/tmp/ r,
owner /var/tmp/etilqs_* rw,
# The browsers' shared memory names.
owner /{dev,run}/shm/{,.}org.chromium.* mrw,
owner /{dev,run}/shm/{,.}com.google.Chrome.* mrw,
owner /{dev,run}/shm/{,.}com.microsoft.Edge.* mrw,
owner /{dev,run}/shm/.io.nwjs.* mrw,
# The single-instance socket, which may belong to another fsuid.
/run/user/[0-9]*/snap.@{SNAP_INSTANCE_NAME}/{,.}org.chromium.*/SS r,
/run/user/[0-9]*/snap.@{SNAP_INSTANCE_NAME}/{,.}com.google.Chrome.*/SS r,
/run/user/[0-9]*/snap.@{SNAP_INSTANCE_NAME}/{,.}com.microsoft.Edge.*/SS r,
# Jupyter notebooks opened in the browser (LP: #1959417).
owner @{HOME}/.local/share/jupyter/** rw,
# Platform devices' udev records, memory statistics and pressure stall
# information, and whether huge pages are available (not the pages).
/run/udev/data/+platform:* r,
@{PROC}/vmstat r,
@{PROC}/pressure/{memory,cpu,io} r,
/sys/kernel/mm/{hugepages,transparent_hugepage}/{,**} r,
# Policy files the Chrome and Chromium content API reads.
/etc/opt/chrome/{,**} r,
/etc/chromium/{,**} r,
# Refused quietly: GConf (only for systems without snapd), reading its own
# AppArmor label (webbrowser-app checks whether it is confined), and
# creating device nodes (Chromium tries /dev/nvidiactl; seccomp lets the
# call through so it fails here instead).
deny dbus (send) bus=session interface="org.gnome.GConf.Server",
deny @{PROC}/@{pid}/attr/{,apparmor/}current r,
deny capability mknod,
`;
// (snapd also grants owner @{PROC}/@{pid}/mounts r; the base template does already.)

const SANDBOX = `
# allow-sandbox: the browser's own sandbox.
/etc/mailcap r,
# The desktop files snaps actually use, and quiet refusals of the rest.
/usr/share/applications/ r,
/usr/share/applications/mimeapps.list r,
/usr/share/applications/xdg-open.desktop r,
deny /usr/share/applications/python*.desktop r,
deny /usr/share/applications/vim.desktop r,
deny /usr/share/applications/snap-handle-link.desktop r,
owner @{PROC}/@{pid}/fd/[0-9]* w,
# udev records and sysfs attributes Chrome's settings and device APIs read
# (input, screen, sound, serial, storage, network and others). This shows
# what hardware the machine has.
/run/udev/data/c1:[0-9]* r,
/run/udev/data/c10:[0-9]* r,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/c180:[0-9]* r,
/run/udev/data/c4:[0-9]* r,
/run/udev/data/c5:[0-9]* r,
/run/udev/data/c7:[0-9]* r,
/run/udev/data/+hid:* r,
/run/udev/data/+input:input[0-9]* r,
/run/udev/data/c29:[0-9]* r,
/run/udev/data/+backlight:* r,
/run/udev/data/+leds:* r,
/run/udev/data/c116:[0-9]* r,
/run/udev/data/+sound:card[0-9]* r,
/run/udev/data/c108:[0-9]* r,
/run/udev/data/c189:[0-9]* r,
/run/udev/data/c89:[0-9]* r,
/run/udev/data/c81:[0-9]* r,
/run/udev/data/c202:[0-9]* r,
/run/udev/data/c203:[0-9]* r,
/run/udev/data/+acpi:* r,
/run/udev/data/+hwmon:hwmon[0-9]* r,
/run/udev/data/+i2c:* r,
/sys/devices/**/bConfigurationValue r,
/sys/devices/**/descriptors r,
/sys/devices/**/manufacturer r,
/sys/devices/**/product r,
/sys/devices/**/revision r,
/sys/devices/**/serial r,
/sys/devices/**/vendor r,
/sys/devices/system/node/node[0-9]*/meminfo r,
# The machine's maker and model (Chrome's hardware platform API).
/sys/devices/virtual/dmi/id/product_name r,
/sys/devices/virtual/dmi/id/sys_vendor r,
# Refused quietly: these name other snaps' images and volumes.
deny /sys/devices/virtual/block/loop[0-9]*/loop/backing_file r,
deny /sys/devices/virtual/block/dm-[0-9]*/dm/name r,
/run/udev/data/n[0-9]* r,
/run/udev/data/+bluetooth:hci[0-9]* r,
/run/udev/data/+rfkill:rfkill[0-9]* r,
/run/udev/data/c241:[0-9]* r,
/run/udev/data/b1:[0-9]* r,
/run/udev/data/b7:[0-9]* r,
/run/udev/data/b8:[0-9]* r,
/run/udev/data/b11:[0-9]* r,
/run/udev/data/b230:[0-9]* r,
/run/udev/data/c21:[0-9]* r,
/run/udev/data/+usb:[0-9]* r,
/run/udev/data/b252:[0-9]* r,
/run/udev/data/b253:[0-9]* r,
/run/udev/data/b259:[0-9]* r,
/run/udev/data/c24[0-9]:[0-9]* r,
/run/udev/data/c25[0-4]:[0-9]* r,
/sys/bus/**/devices/ r,
# Google Cloud Print's abstract socket.
unix (bind) type=stream addr="@[0-9A-F]*._service_*",
# The setuid sandbox: tracing its own processes, entering a PID namespace
# (it can escape confinement until it drops sys_admin), dropping from root
# and chrooting.
capability sys_ptrace,
ptrace (trace) peer=snap.@{SNAP_INSTANCE_NAME}.**,
unix (receive, send) peer=(label=snap.@{SNAP_INSTANCE_NAME}.**),
capability sys_admin,
capability chown,
capability fsetid,
capability setgid,
capability setuid,
capability sys_chroot,
# The user namespace sandbox's id maps. (snapd adds "userns," where the
# parser knows it; AppArmor 3.0's does not, and needs no rule for it.)
owner @{PROC}/@{pid}/setgroups rw,
owner @{PROC}/@{pid}/uid_map rw,
owner @{PROC}/@{pid}/gid_map rw,
# WebKit's and the content API's shared memory names.
owner /{dev,run}/shm/WK2SharedMemory.* mrw,
owner /{dev,run}/shm/shmfd-* mrw,
# Measuring memory use through /proc/PID/smaps; this also works on other
# snaps' and the system's processes of the same user.
owner @{PROC}/@{pid}/clear_refs w,
# Real-time priorities from RealtimeKit (which checks with polkit).
dbus (send) bus=system path=/org/freedesktop/RealtimeKit1 interface=org.freedesktop.DBus.Properties member=Get peer=(name=org.freedesktop.RealtimeKit1, label=unconfined),
dbus (send) bus=system path=/org/freedesktop/RealtimeKit1 interface=org.freedesktop.RealtimeKit1 member=MakeThread{HighPriority,Realtime,RealtimeWithPID} peer=(name=org.freedesktop.RealtimeKit1, label=unconfined),
`;

// mknod's mode is tested for the character-device bits (S_IFCHR, 020000):
// the call gets through to the "deny capability mknod" above. (A block
// device's type bits include them too, and also fail there.)
const ALWAYS_SECCOMP = `
# Serving one another over sockets the browser's processes make.
bind
listen
accept
accept4
# Renicing its renderers.
setpriority
mknod - |020000 -
mknodat - - |020000 -
`;

// ptrace requests by number (x86 numbering, as the C headers give them):
// ATTACH 16, DETACH 17, GETREGS 12, GETFPREGS 14, GETFPXREGS 18,
// GETREGSET 0x4204, PEEKDATA 2, PEEKUSER 3, CONT 7. Reading the crashed
// process only; nothing that writes registers or memory.
const SANDBOX_SECCOMP = `
# The setuid sandbox: chroot, scheduling and CPU affinity of its threads,
# dropping from root.
chroot
sched_setscheduler
sched_setaffinity
setuid
setgid
# Firefox's user namespace sandbox. snapd's default template allows clone
# with any flags; Plugboard's refuses the namespace flags unless an
# interface allows them, as this one does for the sandbox.
unshare
clone
quotactl
# The Breakpad crash reporter reading the crashed process.
ptrace 16
ptrace 17
ptrace 12
ptrace 14
ptrace 18
ptrace 0x4204
ptrace 2
ptrace 3
ptrace 7
`;

const sandbox = (attrs: AttrMap) => attrs["allow-sandbox"] === true;

export default defineInterface({
  name: "browser-support",
  summary: "allows what web browsers need, optionally including their own sandbox",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["core"] },
      "deny-auto-connection": { "plug-attributes": { "allow-sandbox": true } },
      "deny-connection": { "plug-attributes": { "allow-sandbox": true } },
    },
  },
  // As in snapd: allow-sandbox, when given, must be true or false; nothing
  // else is checked and no default is filled in.
  sanitizePlug: (plug) => {
    optionalBool(plug.attrs, "allow-sandbox");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => ALWAYS + (sandbox(ctx.plug.attrs) ? SANDBOX : ""),
    seccomp: (ctx) => ALWAYS_SECCOMP + (sandbox(ctx.plug.attrs) ? SANDBOX_SECCOMP : ""),
  },
  examples: { plug: { "allow-sandbox": true } },
});
