import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kerberos-tickets",
  summary: "allows using the Kerberos ticket caches the host keeps in its /tmp",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // A confined app's /tmp is its own, so the host's ticket caches
    // (/tmp/krb5cc_<uid>...) are only reachable where snapd exposes the host's
    // root, /var/lib/snapd/hostfs. Plugboard's launcher mounts no such view
    // yet, so this rule matches nothing until it does; it is kept as snapd
    // writes it so the grant is the same once the view exists.
    apparmor: `
# The user's own ticket caches: read, renew (write) and lock.
owner /var/lib/snapd/hostfs/tmp/krb5cc* rkw,
`,
  },
});
