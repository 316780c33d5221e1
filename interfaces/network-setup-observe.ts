import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network-setup-observe",
  summary: "allows reading the system's network configuration (netplan, networkd, ifupdown)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Configuration can hold Wi-Fi passwords; reading is still the only thing granted.
    apparmor: `
/etc/netplan/ r,
/etc/netplan/** r,
/etc/network/ r,
/etc/network/** r,
/etc/systemd/network/ r,
/etc/systemd/network/** r,
/run/systemd/network/ r,
/run/systemd/network/** r,
/lib/netplan/ r,
/lib/netplan/** r,
/run/netplan/ r,
/run/netplan/** r,
/usr/sbin/netplan ixr,
# netplan's D-Bus API: reading the configuration, not changing it.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/io/netplan/Netplan interface=io.netplan.Netplan member=Info peer=(label=unconfined),
`,
  },
});
