import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "polkit-agent",
  summary: "allows acting as the polkit authentication agent that asks the user for passwords",
  // snapd puts the slot on core systems only when the base has
  // polkit-agent-helper-1, which it checks on the running system; Plugboard
  // does not assume it. On classic snapd has no slot either.
  implicitOn: { core: false, classic: false },
  // Super-privileged: the agent sees the passwords users type for polkit.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The helper is a separate profile of its own, so it does not get this
    // snap's base rules: it is given the host's base, name-service and PAM
    // abstractions, as snapd gives it, because PAM stacks differ between
    // distributions and those abstractions follow them.
    apparmor: `
${SYSTEM_BUS_STRICT}
# Registering with polkitd as the session's agent, and polkitd calling back.
dbus (receive, send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.PolicyKit1.Authority peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (receive) bus=system interface=org.freedesktop.PolicyKit1.AuthenticationAgent peer=(label=unconfined),
# Looking up the user in accountsservice, to show who is asked for.
dbus (send) bus=system path=/org/freedesktop/Accounts interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/Accounts interface=org.freedesktop.Accounts member=FindUserByName peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/Accounts/User[0-9]* interface=org.freedesktop.DBus.Properties member={Get,GetAll,PropertiesChanged} peer=(label=unconfined),
# The setuid helper that checks the password runs in the child profile below.
/usr/lib{exec,/polkit-1}/polkit-agent-helper-1 Cxr -> polkit_agent_helper,

profile polkit_agent_helper flags=(attach_disconnected,mediate_deleted) {
  include <abstractions/base>
  /usr/lib{exec,/polkit-1}/polkit-agent-helper-1 rm,
  # PAM: user and password databases, extrausers on Ubuntu Core included,
  # and the capabilities its modules use.
  include <abstractions/nameservice>
  include <abstractions/authentication>
  /var/lib/extrausers/shadow r,
  /var/lib/extrausers/gshadow r,
  capability audit_write,
  capability sys_nice,
  # The agent stops the helper when the user cancels.
  signal (receive) set=(term) peer=snap.@{SNAP_INSTANCE_NAME}.*,
  # The helper tells polkitd the outcome itself.
  ${SYSTEM_BUS_STRICT.split("\n").join("\n  ")}
  dbus (send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
  dbus (send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.PolicyKit1.Authority member=AuthenticationAgentResponse2 peer=(label=unconfined),
}
`,
    // The helper's PAM modules write audit records (seccomp applies to the
    // helper too, whatever its AppArmor profile).
    seccomp: `
bind
socket AF_NETLINK - NETLINK_AUDIT
`,
  },
});
