import { defineInterface, onClassic } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";
import { NAMESERVICE } from "./network.js";

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
    // As in snapd, a classic system is taken to run the distribution's own
    // (unconfined) NetworkManager, which the client talks to whichever slot
    // it is connected to; on core the service is the slot's snap, which the
    // client may also introspect.
    apparmor: (ctx) => {
      const service = onClassic(ctx) ? "unconfined" : ctx.slotLabel;
      return `
${SYSTEM_BUS_STRICT}
/etc/gnutls/config r,
dbus (receive, send) bus=system path=/org/freedesktop/NetworkManager{,/**} peer=(label=${service}),
dbus (receive, send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager peer=(label=${service}),
# Newer nmcli asks the bus who a peer is.
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetConnectionUnixUser peer=(label=unconfined),
${onClassic(ctx) ? "" : `dbus (send) bus=system interface="org.freedesktop.DBus.Introspectable" member="Introspect" peer=(label=${service}),`}
`;
    },
    // libnm follows device events.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the client's requests, send it signals, and ask its secret agents for secrets.
dbus (receive, send) bus=system path=/org/freedesktop/NetworkManager{,/**} peer=(label=${ctx.plugLabel}),
dbus (receive, send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager peer=(label=${ctx.plugLabel}),
${onClassic(ctx) ? "" : `# The client introspecting it (core only, as the client's rule).
dbus (receive) bus=system interface="org.freedesktop.DBus.Introspectable" member="Introspect" peer=(label=${ctx.plugLabel}),`}
# NetworkManager reads a client's /proc/PID/stat only for its start time;
# refused quietly.
deny ptrace (trace,read) peer=${ctx.plugLabel},
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as NetworkManager: configuring links, addresses, routes and
# bridges, running DHCP, and owning its names on the system bus.
capability net_admin,
capability net_bind_service,
capability net_raw,
network netlink,
network bridge,
network inet,
network inet6,
network packet,
@{PROC}/@{pid}/net/ r,
@{PROC}/@{pid}/net/** r,
@{PROC}/sys/ r,
@{PROC}/sys/net/ r,
@{PROC}/sys/net/core/ r,
@{PROC}/sys/net/core/** rw,
@{PROC}/sys/net/ipv{4,6}/ r,
@{PROC}/sys/net/ipv{4,6}/** rw,
@{PROC}/sys/net/netfilter/ r,
@{PROC}/sys/net/netfilter/** rw,
@{PROC}/sys/net/nf_conntrack_max rw,
@{PROC}/sys/net/mptcp/ r,
@{PROC}/sys/net/mptcp/** rw,
# systemd's DHCP code needs the boot and machine IDs.
@{PROC}/sys/kernel/random/boot_id r,
/etc/machine-id r,
/sys/devices/**/**/net/**/phys_port_id r,
/sys/devices/**/**/net/**/dev_id r,
/sys/devices/virtual/net/**/phys_port_id r,
/sys/devices/virtual/net/**/dev_id r,
/sys/devices/**/net/**/ifindex r,
/sys/devices/virtual/net/*/bridge/* rw,
/dev/rfkill rw,
/run/udev/data/* r,
/etc/gnutls/config r,
# Netplan's files, where NetworkManager keeps its connections too, and the
# run-time configuration generated from them.
/etc/netplan/{,**} rw,
/run/NetworkManager/{,**} rw,
# The ifupdown plugin reads which interfaces are ifupdown's.
/etc/network/interfaces r,
/run/network/ifstate* r,
# resolvconf and its hooks.
/{,usr/}sbin/resolvconf ixr,
/run/resolvconf/{,**} rk,
/run/resolvconf/** w,
/etc/resolvconf/{,**} r,
/{,usr/}lib/resolvconf/* ix,
/{,usr/}bin/run-parts ixr,
/etc/resolvconf/update.d/* ix,
# Name resolution.
${NAMESERVICE}
/run/systemd/resolve/stub-resolv.conf r,

${SYSTEM_BUS_STRICT}
# systemd-resolved: NetworkManager sends to resolved's unique name, not its
# well-known one, so the lookup and per-link DNS calls cannot name it.
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="Resolve{Address,Hostname,Record,Service}" peer=(label=unconfined),
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="SetLink{DefaultRoute,DNSOverTLS,DNS,DNSEx,DNSSEC,DNSSECNegativeTrustAnchors,MulticastDNS,Domains,LLMNR}" peer=(label=unconfined),
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="GetLink" peer=(name="org.freedesktop.resolve1", label=unconfined),
dbus (send) bus=system path="/org/freedesktop/resolve1/link/*" interface="org.freedesktop.resolve1.Link" member="Set{DefaultRoute,DNS,DNSEx,DNSSEC,DNSSECNegativeTrustAnchors,DNSOverTLS,Domains,LLMNR,MulticastDNS}" peer=(name="org.freedesktop.resolve1", label=unconfined),
# Owning its names (and the OpenVPN plugin's), and asking who a caller is.
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Request,Release}Name peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetConnectionUnixProcessID peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetConnectionUnixUser peer=(label=unconfined),
dbus (bind) bus=system name="org.freedesktop.NetworkManager",
dbus (bind) bus=system name="org.freedesktop.NetworkManager.openvpn.*",
# Unconfined clients on the host (nmcli, the desktop applet).
dbus (receive, send) bus=system path=/org/freedesktop/NetworkManager{,/**} interface=org.freedesktop.NetworkManager* peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/NetworkManager{,/**} interface=org.freedesktop.DBus.* peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),
# hostnamed (started on demand, so some calls cannot name its label).
dbus (receive, send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties member="Get{,All}",
dbus (receive, send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.hostname1 member={Set,SetStatic}Hostname peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.hostname1 member={Set,SetStatic}Hostname,
# logind, for the sleep monitor and sessions.
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=Inhibit,
dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=PrepareForSleep peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=Session{New,Removed} peer=(label=unconfined),
# wpa_supplicant, for Wi-Fi.
dbus (receive, send) bus=system path=/fi/w1/wpa_supplicant1{,/**} interface=fi.w1.wpa_supplicant1* peer=(label=unconfined),
dbus (receive, send) bus=system path=/fi/w1/wpa_supplicant1{,/**} interface=org.freedesktop.DBus.* peer=(label=unconfined),
# Not written: snapd's D-Bus daemon policy for the service's names
# (Plugboard has no D-Bus policy backend; the host's NetworkManager package
# ships that policy).
`,
    seccomp: `
# Serving its helpers, binding netlink and DHCP sockets, setting the hostname.
accept
accept4
bind
listen
sethostname
socket AF_NETLINK - -
# Kept beyond snapd's module: snapd's default filter lets every snap make
# sockets of any family but netlink and leaves the family to AppArmor;
# Plugboard's allows only AF_UNIX, so the families the AppArmor rules above
# allow are allowed here.
socket AF_INET
socket AF_INET6
socket AF_PACKET
socket AF_BRIDGE
`,
    udev: ['KERNEL=="rfkill"'],
  },
});
