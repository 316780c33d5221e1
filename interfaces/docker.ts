import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "docker",
  summary: "allows access to the Docker daemon socket",
  implicitOn: { core: false, classic: false },
  // Talking to the Docker daemon is root-equivalent: only a snap-declaration can grant it.
  baseDeclaration: {
    slots: { "allow-installation": false, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The Docker daemon's API socket.
/run/docker.sock rw,
unix (connect, send, receive) type=stream,
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept API calls from the connected snap.
unix (accept, send, receive) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
});
