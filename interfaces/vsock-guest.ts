import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "vsock-guest",
  summary: "allows a virtual machine's programs to talk to the host or hypervisor over vsock",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# AF_VSOCK sockets, and the guest's vsock device (its local context id).
network vsock,
/dev/vsock rw,
`,
    // snapd's default filter already lets every app make AF_VSOCK sockets;
    // Plugboard's allows AF_UNIX only, so the family is granted here. The
    // guest may serve as well as connect.
    seccomp: `
socket AF_VSOCK
bind
listen
accept
accept4
`,
    udev: ['KERNEL=="vsock"'],
  },
});
