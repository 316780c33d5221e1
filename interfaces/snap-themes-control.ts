import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "snap-themes-control",
  summary: "allows asking snapd to install snaps that provide desktop themes",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The daemon's API socket; the daemon itself limits this connection to the theme endpoints.
/run/snapd.socket rw,
`,
  },
});
