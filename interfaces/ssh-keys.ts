import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "ssh-keys",
  summary: "allows reading the user's SSH configuration and private and public keys, and running ssh",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The user's whole ~/.ssh (private keys included), read-only, the system's
# client configuration, and the ssh client itself.
/usr/bin/ssh ixr,
/etc/ssh/ssh_config r,
/etc/ssh/ssh_config.d/{,**} r,
owner @{HOME}/.ssh/{,**} r,
`,
  },
});
