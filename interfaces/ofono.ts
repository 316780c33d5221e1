import { defineInterface, onClassic } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

// ofono's objects sit wherever its modem plugins put them, so rules name the
// interface, not a path.
const OFONO = (label: string) => `dbus (receive, send) bus=system path=/{,**} interface=org.ofono.* peer=(label=${label}),`;

export default defineInterface({
  name: "ofono",
  summary: "allows running the oFono telephony service, or using it for calls, SMS and mobile data",
  // On classic the distribution's ofono provides the slot; elsewhere a snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    // Introspecting "/" is allowed only towards a snap's ofono: from the
    // host's (unconfined) one it would reveal every object of the bus. On a
    // classic system the distribution's unconfined ofono may be the one
    // answering even a client of a snap's slot, so it is reachable too.
    apparmor: (ctx) => `
${SYSTEM_BUS_STRICT}
# Calls, messages, SIMs and data contexts: all of ofono's interfaces.
${OFONO(ctx.slotLabel)}
${ctx.slotIsSystem ? "" : `dbus (send) bus=system path=/ interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${ctx.slotLabel}),`}
${onClassic(ctx) && !ctx.slotIsSystem ? `# The host's ofono.\n${OFONO("unconfined")}` : ""}
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the client on any of ofono's interfaces.
${OFONO(ctx.plugLabel)}
`,
  },
  permanentSlot: {
    // snapd also installs ofono's D-Bus bus policy and its udev rules that
    // label modems for its drivers (OFONO_DRIVER, OFONO_LABEL); Plugboard
    // writes neither, so the host's configuration decides those. Only the
    // device tags below are expressed.
    apparmor: `
# Operating as ofono: creating PPP interfaces on top of the tun device,
# finding modems through udev and sysfs, the user's seat (for preferences
# such as the default SIM), and the modems' ports.
capability net_admin,
/run/udev/data/+usb:* r,
/run/udev/data/+usb-serial:* r,
/run/udev/data/+pci:* r,
/run/udev/data/+platform:* r,
/run/udev/data/+pnp:* r,
/run/udev/data/c* r,
/run/udev/data/n* r,
/sys/bus/usb/devices/ r,
/sys/bus/usb/devices/** r,
/run/systemd/seats/{,*} r,
/dev/tty[^0-9]* rw,
/dev/cdc-* rw,
/dev/modem* rw,
/dev/dsp rw,
/dev/chnlat11 rw,
/dev/socket/rild* rw,
/dev/net/tun rw,
network netlink raw,
network netlink dgram,
network bridge,
network inet,
network inet6,
network packet,
network bluetooth,
# Name resolution and user lookups: AppArmor's nameservice abstraction,
# which snapd includes, without the abstractions it pulls in for NIS, LDAP,
# winbind, likewise, mDNS and Kerberos clients (passwd, group and
# nsswitch.conf are in the base template). Then resolved's lookup methods.
/etc/hosts r,
/etc/host.conf r,
/etc/resolv.conf r,
/etc/resolvconf/run/resolv.conf r,
/run/{resolvconf,NetworkManager,systemd/resolve,connman,netconfig}/resolv.conf r,
/run/systemd/resolve/stub-resolv.conf r,
/etc/gai.conf r,
/etc/services r,
/etc/protocols r,
/etc/netconfig r,
/etc/samba/lmhosts r,
/etc/default/nss r,
/etc/libnl-*/classid r,
/var/lib/extrausers/{group,passwd} r,
/var/lib/sss/mc/{group,initgroups,passwd} r,
/var/lib/sss/pipes/nss rw,
/var/lib/misc/*.db r,
/run/.nscd_socket rw,
/run/nscd/socket rw,
/{var/db,var/cache,var/lib,var/run,run}/nscd/{passwd,group,services,hosts} r,
/run/nscd/db* rmix,
/{,usr/}lib{,32,64}/libnss_*.so* mr,
/{,usr/}lib/@{multiarch}/libnss_*.so* mr,
/run/avahi-daemon/socket rw,
@{PROC}/@{pid}/net/route r,
@{PROC}/@{pid}/net/psched r,
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member={GetDynamicUsers,LookupDynamicUserByName,LookupDynamicUserByUID} peer=(name=org.freedesktop.systemd1),
dbus (send) bus=system path=/org/freedesktop/resolve1 interface=org.freedesktop.resolve1.Manager member=Resolve{Address,Hostname,Record,Service} peer=(name=org.freedesktop.resolve1),
# Owning org.ofono, and host programs using it.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=system name=org.ofono,
${OFONO("unconfined")}
`,
    // Serving D-Bus and rild connections, netlink for routes and uevents, and
    // the socket families its AppArmor rules name: snapd's default seccomp
    // allows those to everyone, Plugboard's only AF_UNIX.
    seccomp: `
bind
listen
accept
accept4
socket AF_NETLINK - NETLINK_ROUTE
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
socket AF_INET
socket AF_INET6
socket AF_PACKET
socket AF_BLUETOOTH
socket AF_BRIDGE
`,
    udev: ['KERNEL=="tty[a-zA-Z]*[0-9]*"', 'KERNEL=="cdc-wdm[0-9]*"', 'KERNEL=="tun"', 'KERNEL=="dsp"'],
  },
});
