import { defineInterface } from "../src/iface/index.js";
import { AVAHI_DAEMON_RULES, avahiObservePlugRules, avahiObserveSlotRules, avahiPeer } from "./avahi-observe.js";

export default defineInterface({
  name: "avahi-control",
  summary: "allows publishing services and changing the host name through avahi, besides discovering",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  // Everything avahi-observe grants, and publishing.
  connectedPlug: {
    apparmor: (ctx) => {
      const own = `peer=(name=org.freedesktop.Avahi, label=${avahiPeer(ctx)})`;
      const group = "bus=system path=/Client*/EntryGroup* interface=org.freedesktop.Avahi.EntryGroup";
      return `${avahiObservePlugRules(ctx)}
# Changing server settings (the host name among them), and publishing
# services, addresses and records through entry groups.
dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member=Set* ${own},
dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member=EntryGroupNew ${own},
dbus (send) ${group} member={Free,Commit,Reset} ${own},
dbus (send) ${group} member={GetState,IsEmpty,UpdateServiceTxt} ${own},
dbus (send) ${group} member=Add{Service,ServiceSubtype,Address,Record} ${own},
dbus (receive) ${group} peer=(label=${avahiPeer(ctx)}),
`;
    },
  },
  connectedSlot: {
    apparmor: (ctx) =>
      ctx.slotIsSystem
        ? ""
        : `${avahiObserveSlotRules(ctx)}
# The connected client's entry groups.
dbus (receive) bus=system path=/Client*/EntryGroup* interface=org.freedesktop.Avahi.EntryGroup peer=(label=${ctx.plugLabel}),
dbus (send) bus=system interface=org.freedesktop.Avahi.EntryGroup member=StateChanged peer=(name=org.freedesktop.Avahi, label=${ctx.plugLabel}),
`,
  },
  permanentSlot: { apparmor: AVAHI_DAEMON_RULES },
});
