import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "network-status",
  summary: "allows asking the desktop portal whether the network is reachable",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# The NetworkMonitor portal of xdg-desktop-portal on the session bus: its
# methods (GetStatus, GetAvailable, GetMetered, GetConnectivity, CanReach)
# and its "changed" signal.
${SESSION_BUS_STRICT}
dbus (send, receive) bus=session path=/org/freedesktop/portal/desktop interface=org.freedesktop.portal.NetworkMonitor peer=(label=unconfined),
`,
  },
});
