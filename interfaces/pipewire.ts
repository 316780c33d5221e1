import { defineInterface } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";

export default defineInterface({
  name: "pipewire",
  summary: "allows using a PipeWire server's sockets, or running a PipeWire server",
  // On classic the user's PipeWire on the host provides the slot; elsewhere a snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const base = `
# The session's PipeWire sockets in the user's runtime directory.
owner /run/user/[0-9]*/ r,
owner /run/user/[0-9]*/pipewire-[0-9] rw,
`;
      if (ctx.slotIsSystem) return base;
      // A snap's server: its runtime directory is the snap's own
      // subdirectory of the user's, and a system-wide server puts its
      // socket in the snap's common data.
      const where = `pipewire slot ${ctx.slotSnap.name}:${ctx.slot.name}`;
      const runtime = safeAbsolutePath(`/snap.${ctx.slotSnap.name}`, where);
      const common = safeAbsolutePath(`/var/snap/${ctx.slotSnap.name}/common`, where);
      return `${base}owner /run/user/[0-9]*${runtime}/pipewire-[0-9] rw,
owner ${common}/pipewire-[0-9] rw,
`;
    },
    // Clients check the shared-memory segments the server hands them.
    seccomp: `
shmctl
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as a PipeWire server: finding sound devices through udev and
# sysfs, the vendor names it matches quirks on, and making its sockets.
owner @{PROC}/@{pid}/exe r,
network netlink raw,
/sys/devices/virtual/dmi/id/sys_vendor r,
/sys/devices/virtual/dmi/id/bios_vendor r,
/sys/**/sound/** r,
owner /run/user/[0-9]*/pipewire-[0-9] rwk,
owner /run/user/[0-9]*/pipewire-[0-9]-manager rwk,
`,
    // Serving the sockets, real-time priority, the execution domain its
    // helpers set, and udev's uevents.
    seccomp: `
personality
setpriority
bind
listen
accept
accept4
shmctl
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
  },
});
