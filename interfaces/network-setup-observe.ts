import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "network-setup-observe",
  summary: "allows reading the system's network configuration (netplan, networkd, ifupdown)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Configuration can hold Wi-Fi passwords; reading is still the only thing
    // granted: netplan here may show the configuration, not generate or apply it.
    apparmor: `
# The host's netplan (on newer bases a script run by the base's python), and
# busctl, which netplan calls; busctl binds a socket for debugging.
/usr/sbin/netplan ixr,
/usr/share/netplan/netplan.script ixr,
/usr/share/netplan/ r,
/usr/share/netplan/** r,
/usr/lib/python/python* ixr,
/usr/bin/busctl ixr,
unix (bind) type=stream addr="@[0-9a-fA-F]*/bus/busctl/*",
# The configuration of netplan, ifupdown and networkd, and what netplan generated from it.
/etc/netplan/{,**} r,
/etc/network/{,**} r,
/etc/systemd/network/{,**} r,
/run/systemd/network/{,**} r,
/run/NetworkManager/conf.d/{,**} r,
/run/udev/rules.d/ r,
/run/udev/rules.d/[0-9]*-netplan-* r,
# netplan's D-Bus API: which features and version it has.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/io/netplan/Netplan interface=io.netplan.Netplan member=Info peer=(label=unconfined),
`,
  },
});
