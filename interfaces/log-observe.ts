import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "log-observe",
  summary: "allows read access to system logs",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
});
