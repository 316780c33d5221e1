import { defineInterface, onlyKnownAttrs } from "../src/iface/index.js";

export default defineInterface({
  name: "camera",
  summary: "allows access to all cameras",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => (onlyKnownAttrs(plug.attrs, []), plug.attrs),
});
