import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "online-accounts-service",
  summary: "allows running the Ubuntu Online Accounts service, or asking it for account access",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-connection": true },
  },
  connectedPlug: {
    // Auto-connected where a declaration allows it: the service itself
    // decides which accounts a client may use.
    apparmor: (ctx) => `
${SESSION_BUS_STRICT}
# The Online Accounts v2 manager, and looking at its root object.
dbus (receive, send) bus=session interface=com.ubuntu.OnlineAccounts.Manager path=/com/ubuntu/OnlineAccounts{,/**} peer=(label=${ctx.slotLabel}),
dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=/com/ubuntu/OnlineAccounts member=Introspect peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Answer the client's account requests.
dbus (receive, send) bus=session path=/com/ubuntu/OnlineAccounts{,/**} interface=com.ubuntu.OnlineAccounts.Manager peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    // GetConnectionCredentials: the service identifies each caller by its label.
    apparmor: `
# Operating as the Online Accounts manager.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionCredentials} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=session name=com.ubuntu.OnlineAccounts.Manager,
`,
    seccomp: `
bind
listen
accept
accept4
`,
  },
});
