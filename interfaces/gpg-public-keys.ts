import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "gpg-public-keys",
  summary: "allows reading the user's gpg public keys and the configuration that is not secret",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The host's gpg, run inside this profile (encrypt, verify, list keys), and its default options.
/usr/bin/gpg{,1,2,v} ixr,
/usr/share/gnupg/options.skel r,
# The public parts of ~/.gnupg only: never private-keys-v1.d or secring.gpg.
owner @{HOME}/.gnupg/ r,
owner @{HOME}/.gnupg/gpg.conf r,
owner @{HOME}/.gnupg/openpgp-revocs.d/{,*} r,
owner @{HOME}/.gnupg/pubring.gpg r,
owner @{HOME}/.gnupg/pubring.kbx r,
owner @{HOME}/.gnupg/trustedkeys.gpg r,
owner @{HOME}/.gnupg/trustdb.gpg r,
# gpg tries to rewrite the trust database now and then; refused without a log entry.
deny @{HOME}/.gnupg/trustdb.gpg w,
# Lock files some operations (--export) take on the keyring.
owner @{HOME}/.gnupg/.#lk0x* w,
owner @{HOME}/.gnupg/pubring.kbx.lock rwk,
`,
  },
});
