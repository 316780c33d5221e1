import { defineInterface, type ConnectedContext } from "../src/iface/index.js";

/** Browsing and resolving through avahi-daemon: shared by avahi-observe and avahi-control. */
export function avahiBrowseRules(ctx: ConnectedContext): string {
  const peer = ctx.slotLabel;
  return `
# The system bus, and avahi-daemon's read-only side: server state, browsers
# and resolvers, and the signals they send back.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member={GetVersionString,GetAPIVersion,GetHostName,GetHostNameFqdn,GetDomainName,IsNSSSupportAvailable,GetState,GetLocalServiceCookie,GetNetworkInterfaceNameByIndex,GetNetworkInterfaceIndexByName,ResolveHostName,ResolveAddress,ResolveService,ServiceBrowserNew,ServiceBrowserPrepare,ServiceTypeBrowserNew,ServiceTypeBrowserPrepare,DomainBrowserNew,DomainBrowserPrepare,RecordBrowserNew,RecordBrowserPrepare,AddressResolverNew,AddressResolverPrepare,HostNameResolverNew,HostNameResolverPrepare,ServiceResolverNew,ServiceResolverPrepare} peer=(label=${peer}),
dbus (receive) bus=system path=/ interface=org.freedesktop.Avahi.Server member=StateChanged peer=(label=${peer}),
dbus (send) bus=system path=/Client[0-9]*/* interface=org.freedesktop.Avahi.{ServiceBrowser,ServiceTypeBrowser,DomainBrowser,RecordBrowser,AddressResolver,HostNameResolver,ServiceResolver} member={Free,Start} peer=(label=${peer}),
dbus (receive) bus=system path=/Client[0-9]*/* interface=org.freedesktop.Avahi.{ServiceBrowser,ServiceTypeBrowser,DomainBrowser,RecordBrowser,AddressResolver,HostNameResolver,ServiceResolver} peer=(label=${peer}),
dbus (send) bus=system path=/ interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${peer}),
`;
}

/** What the daemon side grants a connected client. */
export function avahiSlotRules(ctx: ConnectedContext): string {
  return `
# Answer the connected snap's calls and send it browser and resolver signals.
dbus (send, receive) bus=system path={/,/Client[0-9]*/*} interface=org.freedesktop.Avahi.* peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${ctx.plugLabel}),
`;
}

/** Operating as avahi-daemon. */
export const avahiDaemonRules = `
# Operating as avahi-daemon: multicast DNS on UDP 5353, the interface list
# over netlink, its configuration and the org.freedesktop.Avahi name.
network inet dgram,
network inet6 dgram,
network netlink raw,
network netlink dgram,
capability net_admin,
capability net_raw,
capability setuid,
capability setgid,
capability chown,
capability sys_chroot,
/etc/avahi/ r,
/etc/avahi/** r,
/run/avahi-daemon/ rw,
/run/avahi-daemon/** rwk,
/run/dbus/system_bus_socket rw,
dbus (bind) bus=system name=org.freedesktop.Avahi,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID} peer=(name=org.freedesktop.DBus),
`;

export const avahiDaemonSeccomp = `
socket AF_INET
socket AF_INET6
socket AF_NETLINK - NETLINK_ROUTE
setuid
setgid
setgroups
chroot
`;

export default defineInterface({
  name: "avahi-observe",
  summary: "allows discovering local network services and hosts through avahi",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: { apparmor: avahiBrowseRules },
  connectedSlot: { apparmor: avahiSlotRules },
  permanentSlot: { apparmor: avahiDaemonRules, seccomp: avahiDaemonSeccomp },
});
