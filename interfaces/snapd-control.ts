import { AttributeProblem, defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "snapd-control",
  summary: "allows managing snaps through the snapd API: installing, removing, connecting, configuring",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    // As in snapd, only a refresh-schedule given as text is checked (the one
    // schedule there is, "managed"); other attributes and forms are ignored.
    const v = plug.attrs["refresh-schedule"];
    if (typeof v === "string" && v !== "managed") throw new AttributeProblem(`refresh-schedule must be "managed" when given, not ${JSON.stringify(v)}`);
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: `
# The daemon's API, on snapd's socket and on Plugboard's own: whoever can
# talk to it can change what runs as root.
/run/snapd.socket rw,
/run/plugboard.socket rw,
`,
  },
  examples: { plug: { "refresh-schedule": "managed" } },
});
