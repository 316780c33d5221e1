import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "gpg-keys",
  summary: "allows using the user's gpg keys, private ones included, and updating gpg's random seed",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The host's gpg, run inside this profile (sign, encrypt, decrypt, verify,
# list keys), and its default options.
/usr/bin/gpg{,1,2,v} ixr,
/usr/share/gnupg/options.skel r,
# The agent's sockets, where smart-card keys are used.
owner /run/user/[0-9]*/gnupg/S.* rw,
# All of ~/.gnupg, read-only: configuration, public and secret keyrings.
owner @{HOME}/.gnupg/{,**} r,
# gpg tries to rewrite the trust database now and then; refused without a
# log entry, as nothing else here grants it.
deny @{HOME}/.gnupg/trustdb.gpg w,
# gpg hangs unless it can update its random seed file (or is told not to
# use one); with the keys already readable, the seed adds no exposure.
owner @{HOME}/.gnupg/random_seed wk,
`,
  },
});
