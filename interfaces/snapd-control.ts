import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";

export default defineInterface({
  name: "snapd-control",
  summary: "allows managing snaps through the snapd API: installing, removing, connecting, configuring",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["refresh-schedule"]);
    const v = plug.attrs["refresh-schedule"];
    if (v !== undefined && v !== "managed") throw new AttributeProblem(`refresh-schedule must be "managed" when given, not ${JSON.stringify(v)}`);
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: `
# The daemon's API socket: whoever can talk to it can change what runs as root.
/run/snapd.socket rw,
`,
  },
  examples: { plug: { "refresh-schedule": "managed" } },
});
