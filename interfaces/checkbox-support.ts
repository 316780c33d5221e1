import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

// Checkbox, Canonical's hardware certification tool, runs arbitrary system
// tests; it has systemd run each one as a transient unit and waits for it.
// snapd deliberately does not limit which unit may be killed.

export default defineInterface({
  name: "checkbox-support",
  summary: "allows Checkbox to run system tests as transient systemd units",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The system bus and the bus daemon's own calls (AppArmor's dbus-strict
# abstraction, spelled out).
${SYSTEM_BUS_STRICT}

# Starting a test as a transient unit, and killing any unit.
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member=StartTransientUnit peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member=KillUnit peer=(label=unconfined),
# Hearing that the start job was dispatched, and, from the units' property
# changes, when a test's service finished and with what exit status. Signals
# come from systemd's unique bus name, so only the label is matched.
dbus (receive) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member=JobRemoved peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/systemd1/unit/*_2eservice interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
`,
  },
});
