import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network",
  summary: "allows access to the network as a client",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
});
