import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "docker",
  summary: "allows access to the Docker daemon socket",
  // As in snapd: on classic the host's Docker daemon provides the slot. The
  // base declaration is 2.57's, which denies every connection, so a
  // snap-declaration is still needed to connect to it.
  implicitOn: { core: false, classic: true },
  // Talking to the Docker daemon is root-equivalent: only a snap-declaration can grant it.
  baseDeclaration: {
    slots: { "allow-installation": false, "deny-auto-connection": true, "deny-connection": true },
  },
  // The socket and nothing else, as in snapd: the API behind it is already
  // root-equivalent, and the base template lets an unbound stream socket
  // connect. The daemon's side needs no rule from this interface: its
  // docker-support plug grants it the socket.
  connectedPlug: {
    apparmor: `
# The Docker daemon's API socket, under /run or the older /var/run.
/{,var/}run/docker.sock rw,
`,
    // The two extra calls snapd allows the client: bind, and generic netlink sockets.
    seccomp: `
bind
socket AF_NETLINK - NETLINK_GENERIC
`,
  },
});
