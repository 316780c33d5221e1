import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "autopilot-introspection",
  summary: "allows the Autopilot test tool to inspect the app's user interface over D-Bus",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The app exports its widget tree; the (unconfined) test runner asks for it.
    // snapd's seccomp additions (sendmsg, recvmsg, sendto) are in the default template already.
    apparmor: `
# The session bus (AppArmor's dbus-session-strict abstraction, as snapd includes it).
${SESSION_BUS_STRICT}
# Answer the test runner's questions about the interface's state.
dbus (receive) bus=session path=/com/canonical/Autopilot/** interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (receive) bus=session path=/com/canonical/Autopilot/Introspection interface=com.canonical.Autopilot.Introspection member={GetVersion,GetState} peer=(label=unconfined),
`,
  },
});
