import { defineInterface } from "../src/iface/index.js";

const BUS_BASICS = `/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,ListNames} peer=(name=org.freedesktop.DBus),`;

export default defineInterface({
  name: "network-manager",
  summary: "allows operating as NetworkManager, or controlling it fully",
  // On classic the distribution's NetworkManager provides the slot; on core the network-manager snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    // Full control, secrets included: the client can rewrite any connection.
    apparmor: (ctx) => `
${BUS_BASICS}
dbus (send, receive) bus=system path=/org/freedesktop/NetworkManager{,/**} peer=(label=${ctx.slotLabel}),
dbus (send, receive) bus=system path=/org/freedesktop peer=(label=${ctx.slotLabel}),
# nmcli and libnm watch /run/NetworkManager for the daemon's state.
/run/NetworkManager/ r,
/run/NetworkManager/** r,
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the client's requests, send it signals, and ask its secret agents for secrets.
dbus (send, receive) bus=system path=/org/freedesktop/NetworkManager{,/**} peer=(label=${ctx.plugLabel}),
dbus (send, receive) bus=system path=/org/freedesktop peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as NetworkManager: configuring links, addresses, routes and
# firewall marks, running DHCP, and owning its names on the system bus.
capability net_admin,
capability net_raw,
capability net_bind_service,
capability setuid,
capability setgid,
capability dac_override,
capability kill,
network inet,
network inet6,
network packet,
network netlink raw,
network netlink dgram,
@{PROC}/sys/net/** rw,
/sys/class/net/ r,
/sys/devices/**/net/** rw,
/sys/devices/**/rfkill/** r,
/dev/rfkill rw,
/dev/net/tun rw,
/etc/NetworkManager/ r,
/etc/NetworkManager/** rw,
/var/lib/NetworkManager/ rw,
/var/lib/NetworkManager/** rwk,
/run/NetworkManager/ rw,
/run/NetworkManager/** rwk,
${BUS_BASICS}
dbus (bind) bus=system name=org.freedesktop.NetworkManager{,.*},
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID,GetConnectionCredentials} peer=(name=org.freedesktop.DBus),
# Unconfined tools on the host (nmcli, the desktop applet) talk to it too.
dbus (send, receive) bus=system path=/org/freedesktop/NetworkManager{,/**} peer=(label=unconfined),
`,
    seccomp: `
socket AF_INET
socket AF_INET6
socket AF_PACKET
socket AF_NETLINK - NETLINK_ROUTE
socket AF_NETLINK - NETLINK_GENERIC
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
socket AF_NETLINK - NETLINK_NETFILTER
# Netlink and DHCP sockets are bound, and the daemon serves its helpers.
bind
listen
accept
accept4
setgroups
setgroups32
setuid
setuid32
setgid
setgid32
`,
    udev: ['KERNEL=="rfkill"', 'KERNEL=="tun"'],
  },
});
