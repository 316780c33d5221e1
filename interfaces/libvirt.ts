import { defineInterface } from "../src/iface/index.js";

// A client of the host's libvirt daemon (virsh, virt-manager and the like).
// snapd also lets the client read libvirt's dnsmasq state through
// /var/lib/snapd/hostfs, its view of the host's root; apps here run on the
// host's root itself, so that is the host's /var/lib/libvirt/dnsmasq.

export default defineInterface({
  name: "libvirt",
  summary: "allows managing virtual machines through the host's libvirt daemon",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The daemon's read-write and read-only sockets, its configuration, and the
# leases and host files of the networks it runs dnsmasq for.
/run/libvirt/libvirt-sock-ro rw,
/run/libvirt/libvirt-sock rw,
/etc/libvirt/* r,
/var/lib/libvirt/dnsmasq/{,**} r,
`,
    // Migration and console streams have the client listen and accept.
    seccomp: `
listen
accept
accept4
`,
  },
});
