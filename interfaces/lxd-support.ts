import { defineInterface, onlyKnownAttrs, optionalBool } from "../src/iface/index.js";

// LXD does not stay inside this profile: the lxd snap re-executes its daemon
// through aa-exec without a profile, and from there loads and applies its
// containers' profiles itself. So the profile grants only what is needed
// before that (and its seccomp filter allows everything, as the daemon and
// its containers need calls no list would keep up with). Everything here is
// what snapd's lxd-support grants, nothing more.
//
// Left out, so that Plugboard grants less than snapd rather than more:
// - `userns,`: snapd adds it only when the parser knows the rule, and the
//   profiles here are written for the 3.0 ABI, which does not.
// - enable-unconfined-mode: in snapd it marks the whole profile unconfined
//   (a profile flag of AppArmor 4, set only when parser and kernel support
//   it). That is a property of the profile, not a rule a snippet can add, and
//   the 3.0 ABI has no such flag, so here the attribute is checked and
//   changes nothing.
// - Delegate=yes for the services, and leaving the device cgroup to LXD:
//   Plugboard has no systemd backend, and lxd-support tags no devices.

export default defineInterface({
  name: "lxd-support",
  summary: "allows operating as the LXD container and VM manager",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["enable-unconfined-mode"]);
    // A boolean or nothing, as snapd insists: "yes please" must not read as true.
    optionalBool(plug.attrs, "enable-unconfined-mode");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: `
# Which profile each process runs under, so LXD knows where it stands.
@{PROC}/**/attr/{,apparmor/}current r,
# The way out: aa-exec runs the daemon without a profile. This hands the
# connected snap the whole machine, which is why the plug is reserved.
/{,usr/}{,s}bin/aa-exec ux,
# The host's release, which LXD reports and picks images by.
/var/lib/snapd/hostfs/{etc,usr/lib}/os-release r,
`,
    // Every system call: LXD decides what its containers may call.
    seccomp: "@unrestricted",
  },
  examples: { plug: { "enable-unconfined-mode": true } },
});
