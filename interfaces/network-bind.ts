import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network-bind",
  summary: "allows operating as a network service",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# Listening sockets of the IP families, and the files name resolution reads.
network inet stream,
network inet6 stream,
network inet dgram,
network inet6 dgram,
/etc/hosts r,
/etc/host.conf r,
/etc/resolv.conf r,
/etc/gai.conf r,
/etc/services r,
/etc/protocols r,
`,
    // Serving is what this interface is for, on any socket the app may
    // create, AF_UNIX included: the default template only makes clients.
    seccomp: `
socket AF_INET
socket AF_INET6
bind
listen
accept
accept4
`,
  },
});
