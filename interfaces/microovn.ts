import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "microovn",
  summary: "allows managing a MicroOVN deployment through its control socket",
  // The microovn snap provides the slot; the system snap has none.
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": false, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: `
# MicroOVN's control API socket.
/var/snap/microovn/common/state/control.socket rw,
`,
    // Opening generic netlink sockets (AppArmor still decides their use).
    seccomp: `
socket AF_NETLINK - NETLINK_GENERIC
`,
  },
});
