import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "system-observe",
  summary: "allows reading process lists and system-wide state such as load, memory and mounts",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# What ps, top and system monitors read: every process's public status, and
# the kernel's system-wide counters. Read-only; no access to process memory.
ptrace (read),
@{PROC}/[0-9]*/ r,
@{PROC}/[0-9]*/{stat,statm,status,cmdline,comm,cgroup,io,oom_score,sched,schedstat,wchan,loginuid,sessionid} r,
@{PROC}/[0-9]*/task/ r,
@{PROC}/[0-9]*/task/[0-9]*/{stat,statm,status,comm} r,
@{PROC}/{loadavg,meminfo,stat,uptime,cpuinfo,vmstat,diskstats,partitions,swaps,version,filesystems,zoneinfo,pressure/*} r,
@{PROC}/sys/kernel/{random/boot_id,pid_max,threads-max,hostname} r,
@{PROC}/sys/fs/file-nr r,
@{PROC}/net/dev r,
/sys/devices/system/cpu/** r,
/sys/devices/system/node/** r,
/sys/fs/cgroup/** r,
/sys/class/ r,
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/{hostname1,systemd1} interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=unconfined),
`,
  },
});
