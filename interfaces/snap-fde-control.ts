import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "snap-fde-control",
  summary: "allows using the full-disk-encryption part of the system-volumes API (passphrases, PINs, recovery keys)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // snapd's profiles let every snap reach its snap socket and leave the
    // rest to the daemon; Plugboard's grant no daemon socket by default, so
    // the interfaces that open API endpoints grant it. Which endpoints a
    // caller may use stays the daemon's decision, by the caller's connections.
    apparmor: `
# The daemon's API sockets, for the /v2/system-volumes requests this interface opens.
/run/snapd.socket rw,
/run/plugboard.socket rw,
`,
  },
});
