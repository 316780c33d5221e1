import { defineInterface } from "../src/iface/index.js";
import { pulseSocketRules } from "./audio-playback.js";

export default defineInterface({
  name: "audio-record",
  summary: "allows recording sound through the sound server",
  // The sound server checks for this connection before it hands out capture
  // streams; the socket itself is the same one playback uses.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: { apparmor: pulseSocketRules },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept capture requests from the connected snap on the server socket.
unix (receive, send, accept) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
});
