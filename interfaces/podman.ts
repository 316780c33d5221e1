import { defineInterface } from "../src/iface/index.js";

// A client of the Podman API. Whoever reaches the system socket can start
// privileged containers, which is why snapd denies the connection unless a
// snap declaration allows it.

export default defineInterface({
  name: "podman",
  summary: "allows talking to the Podman container engine through its API socket",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The system service's socket, and a user's rootless one in their runtime directory.
/{,var/}run/podman/podman.sock rw,
owner /{,var/}run/user/[0-9]*/podman/podman.sock rw,
`,
    // Clients bind their own sockets and open generic netlink sockets
    // (AppArmor still decides whether the netlink socket may be used).
    seccomp: `
bind
socket AF_NETLINK - NETLINK_GENERIC
`,
  },
});
