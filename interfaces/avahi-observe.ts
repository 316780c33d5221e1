import { defineInterface, type ConnectedContext } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

// The browser and resolver object types avahi-daemon creates per client.
const KINDS = ["AddressResolver", "HostNameResolver", "ServiceResolver", "DomainBrowser", "RecordBrowser", "ServiceBrowser", "ServiceTypeBrowser"] as const;

/**
 * The daemon's label as the client sees it: the host's avahi-daemon runs
 * unconfined or under the distribution's profile (named by path, or
 * "avahi-daemon" since AppArmor 2.13.2); a snap's has the snap's labels.
 */
export const avahiPeer = (ctx: ConnectedContext): string => (ctx.slotIsSystem ? '"{unconfined,/usr/sbin/avahi-daemon,avahi-daemon}"' : ctx.slotLabel);

/** A client that browses and resolves (shared with avahi-control). */
export function avahiObservePlugRules(ctx: ConnectedContext): string {
  const peer = avahiPeer(ctx);
  const own = `peer=(name=org.freedesktop.Avahi, label=${peer})`;
  const kinds = KINDS.map(
    (k) => `dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member=${k}New ${own},
dbus (send) bus=system path=/Client*/${k}* interface=org.freedesktop.Avahi.${k} member=Free ${own},
dbus (receive) bus=system interface=org.freedesktop.Avahi.${k} peer=(label=${peer}),`,
  ).join("\n");
  // No introspection: on the host's daemon it would show every client's
  // objects, since their paths are not per-snap.
  return `
# The daemon's socket, the system bus, and the server's state, properties and
# one-shot resolving calls.
/{,var/}run/avahi-daemon/socket rw,
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/ interface=org.freedesktop.DBus.Peer member=Ping ${own},
dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member={Get*,Resolve*,IsNSSSupportAvailable} ${own},
dbus (receive) bus=system interface=org.freedesktop.Avahi.Server peer=(label=${peer}),
# Making, freeing and hearing from browsers and resolvers. A client can reach
# other clients' objects this way, which is why the plug is not
# auto-connected.
${kinds}
`;
}

/** A snap's daemon serving one connected client (shared with avahi-control). */
export function avahiObserveSlotRules(ctx: ConnectedContext): string {
  const peer = `peer=(label=${ctx.plugLabel})`;
  const kinds = KINDS.map(
    (k) => `dbus (receive) bus=system path=/Client*/${k}* interface=org.freedesktop.Avahi.${k} ${peer},
dbus (send) bus=system interface=org.freedesktop.Avahi.${k} ${k === "AddressResolver" ? `peer=(name=org.freedesktop.Avahi, label=${ctx.plugLabel})` : peer},`,
  ).join("\n");
  return `
# Serving the connected client: pings, server calls and state changes, and
# its browsers and resolvers.
${SYSTEM_BUS_STRICT}
dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.Peer member=Ping ${peer},
dbus (receive) bus=system path=/ interface=org.freedesktop.Avahi.Server ${peer},
dbus (send) bus=system interface=org.freedesktop.Avahi.Server member=StateChanged ${peer},
${kinds}
`;
}

/** Operating as avahi-daemon in a snap (shared with avahi-control). */
export const AVAHI_DAEMON_RULES = `
# Interface and address changes over netlink, its runtime directory and
# socket, and the org.freedesktop.Avahi name for unconfined clients. (Its
# multicast sockets come with the network interfaces it plugs.)
network netlink,
/{,var/}run/avahi-daemon/ w,
/{,var/}run/avahi-daemon/{pid,socket} rwk,
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Request,Release}Name peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetConnectionUnixProcessID peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetConnectionUnixUser peer=(label=unconfined),
dbus (bind) bus=system name="org.freedesktop.Avahi",
dbus (receive, send) bus=system path=/org/freedesktop/Avahi{,/**} interface=org.freedesktop.Avahi* peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/Avahi{,/**} interface=org.freedesktop.DBus.* peer=(label=unconfined),
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
  connectedPlug: { apparmor: avahiObservePlugRules },
  // The host's daemon has no profile here to add to.
  connectedSlot: { apparmor: (ctx) => (ctx.slotIsSystem ? "" : avahiObserveSlotRules(ctx)) },
  permanentSlot: { apparmor: AVAHI_DAEMON_RULES },
});
