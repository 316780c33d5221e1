import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "ssh-public-keys",
  summary: "allows reading the user's public SSH keys, not the private ones",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Only *.pub files and the environment file: the private keys beside them
# stay unreadable. The host's public keys, and the ssh client.
/usr/bin/ssh ixr,
owner @{HOME}/.ssh/ r,
owner @{HOME}/.ssh/environment r,
owner @{HOME}/.ssh/*.pub r,
/etc/ssh/ssh_host_ecdsa_key.pub r,
/etc/ssh/ssh_host_ed25519_key.pub r,
/etc/ssh/ssh_host_rsa_key.pub r,
`,
  },
});
