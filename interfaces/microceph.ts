import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "microceph",
  summary: "allows managing a MicroCeph cluster through its control socket",
  // The microceph snap provides the slot; the system snap has none.
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": false, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    // Managing the cluster through MicroCeph's API. (Not its configuration
    // and keyrings: snapd grants the socket only.)
    apparmor: `
/var/snap/microceph/common/state/control.socket rw,
`,
    // The client asks the kernel about network interfaces over generic netlink.
    seccomp: `
socket AF_NETLINK - NETLINK_GENERIC
`,
  },
});
