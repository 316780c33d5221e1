import { defineInterface } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "thumbnailer-service",
  summary: "allows running the thumbnailer service, or asking it for thumbnails",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
${SESSION_BUS_STRICT}
# The thumbnailer's one object, and looking at it.
dbus (receive, send) bus=session interface=com.canonical.Thumbnailer path=/com/canonical/Thumbnailer peer=(label=${ctx.slotLabel}),
dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=/com/canonical/Thumbnailer member=Introspect peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => {
      // Clients pass paths of their own files, which the service must read to thumbnail them.
      const where = `thumbnailer-service plug ${ctx.plugSnap.name}`;
      // /snap/<client> is both where the snap is installed and, under the home, where its user data is.
      const own = safeAbsolutePath(`/snap/${ctx.plugSnap.name}`, where);
      return `
# The client's files: its snap, its data and its home directory data, read-only.
${own}/** r,
owner @{HOME}${own}/** r,
/var${own}/** r,
# Serve the client's thumbnail requests.
dbus (receive, send) bus=session interface=com.canonical.Thumbnailer path=/com/canonical/Thumbnailer peer=(label=${ctx.plugLabel}),
`;
    },
  },
  permanentSlot: {
    apparmor: `
# The service asks AppArmor whether a client may read the file it wants a
# thumbnail of (aa_query_label); the query interface discloses every
# profile's policy.
/sys/module/apparmor/parameters/enabled r,
@{PROC}/@{pid}/mounts r,
/sys/kernel/security/apparmor/.access rw,
# Owning the thumbnailer's name.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionCredentials} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=session name=com.canonical.Thumbnailer,
`,
  },
});
