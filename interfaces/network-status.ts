import { defineInterface } from "../src/iface/index.js";

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
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send, receive) bus=session path=/org/freedesktop/portal/desktop interface=org.freedesktop.portal.NetworkMonitor peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/portal/desktop interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=unconfined),
`,
  },
});
