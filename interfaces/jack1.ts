import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "jack1",
  summary: "allows talking to a running JACK1 audio server",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // libjack (JACK1) keeps its shared-memory segments and the server's
    // endpoints at /dev/shm/jack-<uid>/<server name>/jack*.
    apparmor: `
owner /dev/shm/jack-[0-9]*/*/* rw,
`,
  },
});
