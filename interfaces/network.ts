import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network",
  summary: "allows access to the network as a client",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# Client sockets of the IP families, and the files name resolution reads.
network inet stream,
network inet6 stream,
network inet dgram,
network inet6 dgram,
network netlink dgram,
/etc/hosts r,
/etc/host.conf r,
/etc/resolv.conf r,
/run/systemd/resolve/stub-resolv.conf r,
/run/systemd/resolve/resolv.conf r,
/etc/gai.conf r,
/etc/services r,
/etc/protocols r,
/etc/ssl/certs/ r,
/etc/ssl/certs/** r,
@{PROC}/sys/net/ipv6/conf/all/disable_ipv6 r,
`,
    // getaddrinfo asks the kernel for the host's addresses over NETLINK_ROUTE.
    // Clients bind too: netlink sockets, and UDP or TCP to a chosen source.
    seccomp: `
socket AF_INET
socket AF_INET6
socket AF_NETLINK - NETLINK_ROUTE
bind
`,
  },
});
