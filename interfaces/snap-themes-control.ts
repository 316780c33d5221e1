import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "snap-themes-control",
  summary: "allows asking snapd to install snaps that provide desktop themes",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Kept beyond snapd's module (which grants nothing): snapd's profiles let
    // every snap reach its snap socket, where the theme endpoints answer a
    // snap that has this plug connected; Plugboard's grant no daemon socket
    // by default, so the interface does, and the daemon still answers only
    // the theme endpoints.
    apparmor: `
/run/snapd.socket rw,
/run/plugboard.socket rw,
`,
  },
});
