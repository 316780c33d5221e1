import { defineInterface } from "../src/iface/index.js";

// Mir shares buffers with its clients through unnamed /dev/shm files
// (O_TMPFILE), which AppArmor sees as /dev/shm/#<number>.
const SHM_BUFFERS = "/{dev,run}/shm/\\#[0-9]* mrw,";

export default defineInterface({
  name: "mir",
  summary: "allows running the Mir display server, or drawing on one",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# The server's socket, the messages on it, and the buffers it shares.
unix (receive, send) type=seqpacket addr=none peer=(label=${ctx.slotLabel}),
/run/mir_socket rw,
/run/user/[0-9]*/mir_socket rw,
${SHM_BUFFERS}
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Talk to the connected client over its socket.
unix (receive, send) type=seqpacket addr=none peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the display server: configuring the virtual terminals,
# becoming DRM master for mode setting, reading (and injecting) every input
# event, and finding the devices through udev.
capability sys_tty_config,
capability sys_admin,
/dev/tty[0-9]* rw,
/dev/input/* rw,
${SHM_BUFFERS}
/run/mir_socket rw,
/run/user/[0-9]*/mir_socket rw,
network netlink raw,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/+input:input[0-9]* r,
/run/udev/data/+platform:* r,
`,
    // Serving clients, the shared-memory segments' control, and udev's uevents.
    seccomp: `
bind
listen
accept
accept4
shmctl
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    // snapd also re-triggers the input subsystem so existing devices get the
    // tag; Plugboard's udev snippets only name devices to tag.
    udev: ['KERNEL=="tty[0-9]*"', 'KERNEL=="mice"', 'KERNEL=="mouse[0-9]*"', 'KERNEL=="event[0-9]*"', 'KERNEL=="ts[0-9]*"'],
  },
});
