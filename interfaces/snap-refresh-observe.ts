import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "snap-refresh-observe",
  summary: "allows following snap refreshes: pending updates, inhibited launches, and their changes and notices",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The information is read from the daemon's API (snaps, changes,
    // notices, icons), which answers a snap only for the interfaces it has
    // connected. snapd's profiles let every snap reach its snap socket;
    // Plugboard's grant no daemon socket by default, so the interface does.
    apparmor: `
# The daemon's API sockets, for the read-only refresh endpoints.
/run/snapd.socket rw,
/run/plugboard.socket rw,
`,
  },
});
