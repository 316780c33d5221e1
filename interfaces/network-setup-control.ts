import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "network-setup-control",
  summary: "allows changing the system's network configuration (netplan, networkd, ifupdown)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The host's netplan (on newer bases a script, run by the base's python),
# and busctl, which netplan calls; busctl binds a socket for debugging.
/usr/sbin/netplan ixr,
/usr/share/netplan/netplan.script ixr,
/usr/share/netplan/ r,
/usr/share/netplan/** r,
/usr/lib/python/python* ixr,
/usr/bin/busctl ixr,
unix (bind) type=stream addr="@[0-9a-fA-F]*/bus/busctl/*",

# The configuration files of netplan, ifupdown and networkd.
/etc/netplan/{,**} rw,
/etc/network/{,**} rw,
/etc/systemd/network/{,**} rw,

# What "netplan generate" writes: networkd and NetworkManager units at run
# time, only under netplan's own names.
/run/ r,
/run/systemd/network/{,**} r,
/run/systemd/network/*-netplan-* w,
/run/NetworkManager/conf.d/{,**} r,
/run/NetworkManager/conf.d/*netplan*.conf* w,
/usr/libexec/netplan/configure ixr,
# udev rules netplan generates (interface renames), and the directory
# itself, which cloud-init needs.
/run/udev/rules.d/ rw,
/run/udev/rules.d/[0-9]*-netplan* rw,

# netplan's D-Bus API: apply, generate, try and configure through the host's netplan.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/io/netplan/Netplan interface=io.netplan.Netplan member={Generate,Apply,Info,Config} peer=(label=unconfined),
dbus (send) bus=system path=/io/netplan/Netplan/config/* interface=io.netplan.Netplan.Config member={Get,Set,Try,Cancel,Apply} peer=(label=unconfined),
`,
  },
});
