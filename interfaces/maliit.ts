import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

// How maliit talks to applications: an application asks the address service
// on the session bus for a private socket; maliit answers with an abstract
// socket under @/tmp/maliit-server/ on which it runs a one-to-one D-Bus
// connection; everything else goes over that. Input only reaches the
// application the shell says has focus.
const P2P = '"@/tmp/maliit-server/dbus-*"';

export default defineInterface({
  name: "maliit",
  summary: "allows running the Maliit on-screen keyboard, or taking input from it",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-connection": true, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
${SESSION_BUS_STRICT}
# Asking the address service for the private socket, then using it.
dbus (send) bus=session interface=org.maliit.Server.Address path=/org/maliit/server/address peer=(label=${ctx.slotLabel}),
dbus (send) bus=session path=/org/maliit/server/address interface=org.freedesktop.DBus.Properties peer=(label=${ctx.slotLabel}),
unix (send, receive, connect) type=stream addr=none peer=(label=${ctx.slotLabel}, addr=${P2P}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Answer the client's address requests, and talk to it on its private socket.
dbus (receive) bus=session interface=org.maliit.Server.Address path=/org/maliit/server/address peer=(label=${ctx.plugLabel}),
dbus (receive) bus=session path=/org/maliit/server/address interface=org.freedesktop.DBus.Properties peer=(label=${ctx.plugLabel}),
unix (receive, send) type=stream addr=${P2P} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as the maliit server: its name for address negotiation, the
# abstract sockets it serves clients on, and the GSettings schema directory.
${SESSION_BUS_STRICT}
dbus (bind) bus=session name=org.maliit.server,
/usr/share/glib-2.0/schemas/ r,
unix (bind, listen, accept) type=stream addr=${P2P},
`,
    seccomp: `
listen
accept
accept4
`,
  },
});
