import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "network-setup-control",
  summary: "allows changing the system's network configuration (netplan, networkd, ifupdown)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Writing the configuration files themselves.
/etc/netplan/ rw,
/etc/netplan/** rw,
/etc/network/ rw,
/etc/network/** rw,
/etc/systemd/network/ rw,
/etc/systemd/network/** rw,
/run/systemd/network/ r,
/run/systemd/network/** r,
/lib/netplan/ r,
/lib/netplan/** r,
/run/netplan/ r,
/run/netplan/** r,
/usr/sbin/netplan ixr,
# netplan's D-Bus API: apply, generate, try and configure through the host's netplan.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/io/netplan/Netplan interface=io.netplan.Netplan member={Apply,Generate,Info,Config} peer=(label=unconfined),
dbus (send) bus=system path=/io/netplan/Netplan/config/* interface=io.netplan.Netplan.Config member={Get,Set,Try,Apply,Cancel} peer=(label=unconfined),
dbus (receive) bus=system path=/io/netplan/Netplan/config/* interface=io.netplan.Netplan.Config member=Changed peer=(label=unconfined),
`,
  },
});
