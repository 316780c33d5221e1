import { defineInterface } from "../src/iface/index.js";

// Creating user namespaces (and the namespaces a user namespace then lets an
// unprivileged process create). The seccomp part is the one that matters on
// every host: clone and unshare are otherwise filtered to refuse new
// namespaces. AppArmor's own `userns` rule exists only from AppArmor 4.0;
// where the parser lacks it the profile gets no rule, as with snapd, and the
// kernel then does not mediate user namespaces through AppArmor at all.
export default defineInterface({
  name: "userns",
  summary: "allows creating user namespaces",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => (ctx.host?.apparmorParser.has("userns") ? "\n# New user namespaces.\nuserns,\n" : ""),
    seccomp: "clone\nunshare",
  },
});
