import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "lxd",
  summary: "allows talking to the LXD daemon's API socket",
  // The lxd snap provides the slot; the system snap has none.
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": false, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    // Whoever can use LXD's socket can start privileged containers: this is
    // root-equivalent, which is why the base declaration denies it by default.
    apparmor: `
/var/snap/lxd/common/lxd/unix.socket rw,
`,
    // The lxc client asks the kernel about network interfaces over generic netlink.
    seccomp: `
socket AF_NETLINK - NETLINK_GENERIC
`,
  },
});
