import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "bluez",
  summary: "allows operating as the bluez service, or using it",
  // On classic the distribution's bluez provides the slot; on core a bluez snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
});
