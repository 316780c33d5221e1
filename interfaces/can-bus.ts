import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "can-bus",
  summary: "allows talking on CAN buses through SocketCAN",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# SocketCAN sockets (raw frames, broadcast manager, ISO-TP, J1939).
network can,
`,
    // A CAN socket is bound to an interface (can0, ...) before use. snapd's
    // default seccomp template allows AF_CAN sockets for everyone and leaves
    // it to the AppArmor rule above; Plugboard's default allows only AF_UNIX,
    // so the family is allowed here instead, with the same effect.
    seccomp: `
bind
socket AF_CAN
`,
  },
});
