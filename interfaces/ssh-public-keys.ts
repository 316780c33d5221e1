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
# Only *.pub files: the private keys beside them stay unreadable.
owner @{HOME}/.ssh/ r,
owner @{HOME}/.ssh/*.pub r,
/usr/bin/ssh-keygen ixr,
`,
  },
});
