import { defineInterface } from "../src/iface/index.js";

// Kept because snapd keeps it: the core snap used to plug it for its own
// services, and something may still test that the interface exists. It
// grants nothing, in snapd as here.
export default defineInterface({
  name: "core-support",
  summary: "a retired interface of the core snap that no longer grants anything",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": { "plug-snap-type": ["core"] } },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
});
