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
    apparmor: `
# MicroCeph's control API socket, and the cluster configuration and keyrings
# a Ceph client needs to reach the cluster.
/var/snap/microceph/common/state/control.socket rw,
/var/snap/microceph/current/conf/ r,
/var/snap/microceph/current/conf/** r,
`,
  },
});
