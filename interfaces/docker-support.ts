import { defineInterface, onlyKnownAttrs, optionalBool } from "../src/iface/index.js";

export default defineInterface({
  name: "docker-support",
  summary: "allows operating as the Docker daemon",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["privileged-containers"]);
    optionalBool(plug.attrs, "privileged-containers");
    return plug.attrs;
  },
});
