import { defineInterface } from "../src/iface/index.js";

// For snaps running inside an LXD instance: the devlxd API, through which
// LXD tells the instance about itself (configuration, devices, events).

export default defineInterface({
  name: "devlxd",
  summary: "allows talking to LXD's devlxd API from inside an LXD instance",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The socket as a virtual machine has it, and as a container has it: there it
# is bound from LXD's snap data, and AppArmor sees the path it was bound from.
/dev/lxd/sock rw,
/var/snap/lxd/common/lxd/devlxd/sock rw,
`,
    // Opening generic netlink sockets (AppArmor still decides their use).
    seccomp: `
socket AF_NETLINK - NETLINK_GENERIC
`,
  },
});
