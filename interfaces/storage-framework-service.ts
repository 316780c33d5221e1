import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

// The registry and the storage providers it lists, reached by the other side's label.
const frameworkObjects = (label: string) => `dbus (receive, send) bus=session interface=com.canonical.StorageFramework.Registry path=/com/canonical/StorageFramework/Registry peer=(label=${label}),
dbus (receive, send) bus=session interface=com.canonical.StorageFramework.Provider.* path=/provider/* peer=(label=${label}),`;

export default defineInterface({
  name: "storage-framework-service",
  summary: "allows running the Storage Framework (cloud storage providers), or using it",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-connection": true, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
${SESSION_BUS_STRICT}
# The framework's registry and its providers.
${frameworkObjects(ctx.slotLabel)}
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
${SESSION_BUS_STRICT}
# Serve the client's registry and provider calls.
${frameworkObjects(ctx.plugLabel)}
`,
  },
  permanentSlot: {
    apparmor: `
# The framework asks AppArmor whether a caller's label may use a file
# (aa_query_label): that takes writing a query and reading the answer, and
# lets it learn any label's policy, and whether a label exists at all.
/sys/module/apparmor/parameters/enabled r,
@{PROC}/@{pid}/mounts r,
/sys/kernel/security/apparmor/.access rw,
# Owning the registry's name and the providers' names.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionCredentials} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=session name=com.canonical.StorageFramework.Registry,
dbus (bind) bus=session name=com.canonical.StorageFramework.Provider.*,
`,
    seccomp: `
bind
`,
  },
});
