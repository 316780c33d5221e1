import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "juju-client-observe",
  summary: "allows reading the Juju client's configuration and credentials",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The Juju client's controllers, models, accounts and credentials (read-only).
owner @{HOME}/.local/share/juju/ r,
owner @{HOME}/.local/share/juju/** r,
`,
  },
});
