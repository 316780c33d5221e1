import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "steam-support",
  summary: "allows Steam's pressure-vessel to build the container games run in, and to use game controllers",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // pressure-vessel (bubblewrap) assembles a whole root file system from
    // host directories under /newroot and pivots into it. Which host paths it
    // binds depends on the game and the drivers, so the bind and remount rules
    // are deliberately broad, but every one of them targets /newroot; this
    // plug is super-privileged and needs store approval.
    apparmor: `
capability sys_admin,
capability sys_ptrace,
capability setpcap,
/sys/kernel/ r,
@{PROC}/sys/kernel/{overflowuid,overflowgid,sched_autogroup_enabled} r,
@{PROC}/pressure/io r,
owner @{PROC}/@{pid}/{uid_map,gid_map,setgroups} rw,
owner @{PROC}/@{pid}/{mounts,mountinfo} r,
# The intermediate root in /tmp, then the sandbox root in /newroot.
mount options=(rw, rslave) -> /,
mount options=(rw, silent, rslave) -> /,
mount fstype=tmpfs options=(rw, nosuid, nodev) tmpfs -> /tmp/,
mount options=(rw, rbind) /tmp/newroot/ -> /tmp/newroot/,
pivot_root oldroot=/tmp/oldroot/ /tmp/,
mount options=(rw, rbind) /oldroot/** -> /newroot/**,
mount options=(rw, rbind) /bindfile* -> /newroot/**,
mount fstype=tmpfs options=(rw, nosuid, nodev) tmpfs -> /newroot/**,
remount /newroot/{,**},
mount options=(rw, silent, rprivate) -> /oldroot/,
umount /oldroot/,
pivot_root oldroot=/newroot/ /newroot/,
umount /,
/newroot/** rwkl,
/bindfile* rw,
# Inside the sandbox: the runtime's programs and the host's graphics stack.
/usr/** rix,
deny /usr/bin/{chfn,chsh,gpasswd,mount,newgrp,passwd,su,sudo,umount} x,
/run/host/** mr,
/*/pressure-vessel/** mrw,
/var/cache/ldconfig/** rw,
/sys/module/nvidia/version r,
`,
    // snapd leaves Steam's filter open entirely; of that, the client needs to
    // serve its own sockets (its IPC, the web helper, game streaming).
    seccomp: `
mount
umount2
pivot_root
bind
listen
accept
accept4
`,
    udev: [
      // Valve's own USB devices (controllers, Steam Deck, Index headset), by the
      // vendor id udev's usb_id builtin records, and uinput for Steam Input.
      // Third-party pads over hidraw would need a parent-attribute match
      // (ATTRS{idVendor}), which the udev validator does not accept yet.
      'SUBSYSTEM=="usb", ENV{ID_VENDOR_ID}=="28de"',
      'SUBSYSTEM=="misc", KERNEL=="uinput"',
    ],
  },
});
