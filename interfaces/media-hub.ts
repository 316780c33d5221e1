import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

const SERVICE = "/core/ubuntu/media/Service";

export default defineInterface({
  name: "media-hub",
  summary: "allows running the media-hub playback service, or playing media through it",
  // The slot may be the system's where a declaration puts one there, but none is implied.
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app", "core"] }, "deny-connection": { "on-classic": false } },
  },
  connectedPlug: {
    apparmor: (ctx) => `
${SESSION_BUS_STRICT}
# The service's and its players' properties, looking at the service, and
# creating and managing player sessions.
dbus (receive, send) bus=session interface=org.freedesktop.DBus.Properties path=${SERVICE}{,/**} peer=(label=${ctx.slotLabel}),
dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=${SERVICE} member=Introspect peer=(label=${ctx.slotLabel}),
dbus (send) bus=session interface=core.ubuntu.media.Service{,.*} path=${SERVICE} peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the client's property, introspection and session calls.
dbus (receive, send) bus=session interface=org.freedesktop.DBus.Properties path=${SERVICE}{,/**} peer=(label=${ctx.plugLabel}),
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable path=${SERVICE} member=Introspect peer=(label=${ctx.plugLabel}),
dbus (receive) bus=session interface=core.ubuntu.media.Service{,.*} path=${SERVICE} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as media-hub: its name, and learning a caller's AppArmor label
# to decide what it may play.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionAppArmorSecurityContext} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=session name=core.ubuntu.media.Service,
# Host programs outside confinement: the service's objects, introspection,
# and the MPRIS players and property signals of each session.
dbus (receive, send) bus=session path=/com/ubuntu/media/Service{,/**} interface=org.freedesktop.DBus{,.*} peer=(label=unconfined),
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable peer=(label=unconfined),
dbus (receive, send) bus=session path=${SERVICE}{,/**} peer=(label=unconfined),
dbus (receive, send) bus=session path=${SERVICE}/sessions/** interface=org.mpris.MediaPlayer2{,.Player,.TrackList} peer=(label=unconfined),
dbus (send) bus=session path=${SERVICE}/sessions/** interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
`,
    seccomp: `
bind
`,
  },
});
