import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kernel-crypto-api",
  summary: "allows using the kernel's crypto API through AF_ALG and crypto netlink sockets",
  implicitOn: { core: true, classic: true },
  // Any process may use the API; it is a manual connection only because it
  // exposes kernel code with a history of security bugs.
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The algorithms the kernel offers.
@{PROC}/crypto r,
# An AF_ALG socket per algorithm (bound to its name, then accept()ed for an
# operation), and the crypto netlink family that configures them.
network alg seqpacket,
network netlink dgram,
network netlink raw,
`,
    // snapd's default seccomp filter lets any AF_ALG socket be made; here the
    // default is AF_UNIX only, so the family is allowed by this interface.
    seccomp: `
socket AF_ALG
socket AF_NETLINK - NETLINK_CRYPTO
bind
accept
`,
  },
});
