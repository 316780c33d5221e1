import { defineInterface, onlyKnownAttrs, optionalBool } from "../src/iface/index.js";

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
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["allow-sandbox"]);
    const sandbox = optionalBool(plug.attrs, "allow-sandbox");
    // snapd fills in the default so connection rules can match on it.
    return { ...plug.attrs, "allow-sandbox": sandbox ?? false };
  },
  connectedPlug: {
    apparmor: (ctx) => `
# Shared memory the browser's processes exchange frames and buffers through.
owner /{dev,run}/shm/{,.}org.chromium.* mrw,
owner /{dev,run}/shm/{,.}com.google.Chrome.* mrw,
owner /{dev,run}/shm/.org.chromium.Chromium.* mrw,
# Processes read their own and their children's state, and set OOM scores.
owner @{PROC}/@{pid}/{io,smaps,setgroups,oom_score_adj,clear_refs,task/@{tid}/status} rw,
@{PROC}/@{pid}/{stat,statm,status} r,
@{PROC}/sys/kernel/yama/ptrace_scope r,
@{PROC}/sys/fs/inotify/max_user_watches r,
@{PROC}/pressure/{memory,cpu,io} r,
/sys/devices/system/cpu/** r,
/sys/devices/system/node/ r,
/sys/devices/system/node/node[0-9]*/meminfo r,
# GPU and input enumeration that the media and WebGL stacks do.
/sys/bus/pci/devices/ r,
/sys/devices/pci[0-9]*/**/{class,config,device,irq,resource,revision,subsystem_device,subsystem_vendor,vendor,uevent} r,
/run/udev/data/* r,
# The crash handler and renderer processes trace their siblings.
ptrace (read, trace) peer=snap.@{SNAP_NAME}.*,
${
  ctx.plug.attrs["allow-sandbox"] === true
    ? `
# allow-sandbox: the browser builds its own sandbox from a new user, PID and
# network namespace and a chroot into an empty directory.
capability sys_admin,
capability sys_chroot,
capability sys_ptrace,
capability setuid,
capability setgid,
owner @{PROC}/@{pid}/{uid_map,gid_map} rw,
`
    : "# Without allow-sandbox the browser's seccomp-bpf sandbox is used on its own."
}
`,
    seccomp: (ctx) => `
# A browser's processes serve one another over unix sockets they make.
bind
listen
accept
accept4
${
  ctx.plug.attrs["allow-sandbox"] === true
    ? `
# The sandbox's namespaces and chroot.
clone
unshare
setns
chroot
`
    : ""
}`,
  },
  examples: { plug: { "allow-sandbox": false } },
});
