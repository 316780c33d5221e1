import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "snap-refresh-control",
  summary: "allows a snap to hold or let through refreshes of itself and of snaps it depends on (snapctl refresh)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // snapctl's requests go to the daemon, which looks up this connection
    // before it honours --hold or --proceed. snapd's profiles let every snap
    // reach its snap socket; Plugboard's grant no daemon socket by default,
    // so the interface does.
    apparmor: `
# The daemon's API sockets, which snapctl talks to.
/run/snapd.socket rw,
/run/plugboard.socket rw,
`,
  },
});
