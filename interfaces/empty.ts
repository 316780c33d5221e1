import { defineInterface } from "../src/iface/index.js";

// An interface that grants nothing on either side, for testing the plumbing
// of plugs, slots and connections without any confinement change.
export default defineInterface({
  name: "empty",
  summary: "an interface for tests that connects without granting anything",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-auto-connection": true },
  },
});
