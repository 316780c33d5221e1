import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "audio-record",
  summary: "allows recording sound through the sound server",
  // Grants nothing by itself: the client reaches the server through
  // audio-playback, and the server checks whether this interface is
  // connected before it hands out capture streams.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
});
