import { defineInterface } from "../src/iface/index.js";
import { avahiBrowseRules, avahiDaemonRules, avahiDaemonSeccomp, avahiSlotRules } from "./avahi-observe.js";

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
  connectedPlug: {
    apparmor: (ctx) => `${avahiBrowseRules(ctx)}
# Publishing: entry groups, and renaming the host.
dbus (send) bus=system path=/ interface=org.freedesktop.Avahi.Server member={EntryGroupNew,SetHostName} peer=(label=${ctx.slotLabel}),
dbus (send, receive) bus=system path=/Client[0-9]*/EntryGroup[0-9]* interface=org.freedesktop.Avahi.EntryGroup peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: { apparmor: avahiSlotRules },
  permanentSlot: { apparmor: avahiDaemonRules, seccomp: avahiDaemonSeccomp },
});
