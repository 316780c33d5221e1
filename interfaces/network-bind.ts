import { defineInterface } from "../src/iface/index.js";
import { NAMESERVICE, RESOLVED, SSL_CERTS } from "./network.js";

export default defineInterface({
  name: "network-bind",
  summary: "allows operating as a network service",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# Name resolution and the IP sockets services listen on.
${NAMESERVICE}
/run/systemd/resolve/stub-resolv.conf rk,
network netlink dgram,
${RESOLVED}
# Certificates, for TLS servers.
${SSL_CERTS}
# TCP wrappers' lists (read-only system files), the listen backlog limit and
# the ephemeral port range.
/etc/hosts.deny r,
/etc/hosts.allow r,
@{PROC}/sys/net/core/somaxconn r,
@{PROC}/sys/net/ipv4/ip_local_port_range r,
# Java reads the IPv6 addresses and routes at start-up.
@{PROC}/@{pid}/net/if_inet6 r,
@{PROC}/@{pid}/net/ipv6_route r,
`,
    // Serving is what this interface is for, on any socket the app may
    // create, AF_UNIX included: the default template only makes clients.
    // Java opens an rtnetlink socket to follow interface changes.
    seccomp: `
bind
listen
accept
accept4
socket AF_NETLINK - NETLINK_ROUTE
# Kept beyond snapd's module: snapd's default filter lets every snap make
# sockets of any family and leaves the family to AppArmor; Plugboard's allows
# only AF_UNIX, so the IP families come with the interfaces that grant them.
socket AF_INET
socket AF_INET6
`,
  },
});
