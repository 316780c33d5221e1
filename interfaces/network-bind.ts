import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network-bind",
  summary: "allows operating as a network service",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
});
