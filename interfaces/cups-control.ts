import { defineInterface, onClassic, type ConnectedContext } from "../src/iface/index.js";

const NOTIFIER = "bus=system path=/org/cups/cupsd/Notifier interface=org.cups.cupsd.Notifier";

// The host's cupsd may run unconfined or under the distribution's profile,
// which is named by path on older releases and "cupsd" on newer ones.
const cupsdLabel = (ctx: ConnectedContext) => (ctx.slotIsSystem ? '"{unconfined,/usr/sbin/cupsd,cupsd}"' : ctx.slotLabel);

export default defineInterface({
  name: "cups-control",
  summary: "allows administering the CUPS print server (queues, printers, jobs)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    // A CUPS client: cupsd decides itself which requests are administrative
    // and whether this peer may make them. On core only an app snap's cupsd
    // is served (as snapd does, the system snap or another kind of snap
    // offering the slot there grants nothing): core has no cupsd of its own.
    apparmor: (ctx) => (!onClassic(ctx) && ctx.slotSnap.type !== "app" ? "" : `
# Where the client library finds the server (system and user settings), the
# server's socket, and the printer list it publishes.
/etc/cups/client.conf r,
/{,var/}run/cups/cups.sock rw,
owner @{HOME}/.cups/client.conf r,
owner @{HOME}/.cups/lpoptions r,
/{,var/}run/cups/printcap r,
# Job and printer events cupsd sends on the system bus.
dbus (receive) ${NOTIFIER} peer=(label=${cupsdLabel(ctx)}),
`),
  },
  connectedSlot: {
    // A snap's cupsd tells the connected snap about its jobs; the host's
    // cupsd has no profile here to add this to.
    apparmor: (ctx) => (ctx.slotIsSystem ? "" : `
# Job and printer events for the connected snap.
dbus (send) ${NOTIFIER} peer=(label=${ctx.plugLabel}),
`),
  },
  permanentSlot: {
    // A snap operating as cupsd. snapd also allows lsm_get_self_attr (a
    // process reading its own LSM label); the libseccomp Plugboard builds
    // with (2.5) has no such call, and a rule naming it would not compile.
    apparmor: `
# Its socket directory and socket.
/{,var/}run/cups/ rw,
/{,var/}run/cups/** rwk,
# Checking passwords for authenticated requests itself.
/etc/shadow r,
/var/lib/extrausers/shadow r,
# Reading the AppArmor label of the process on the other end of a request.
@{PROC}/[0-9]*/attr/{,apparmor/}current r,
# The colour manager, and event notifications to unconfined listeners.
dbus (receive, send) bus=system path=/org/freedesktop/ColorManager interface=org.freedesktop.ColorManager peer=(name=org.freedesktop.ColorManager),
dbus (send) ${NOTIFIER} peer=(label=unconfined),
# Signalling and managing the files of its helpers, which run as snap_daemon.
capability kill,
capability fsetid,
`,
  },
});
