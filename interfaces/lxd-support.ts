import { defineInterface, onlyKnownAttrs, optionalBool } from "../src/iface/index.js";

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
    optionalBool(plug.attrs, "enable-unconfined-mode");
    return plug.attrs;
  },
  connectedPlug: {
    // LXD builds whole systems: namespaces, mounts, cgroups, devices, AppArmor
    // profiles for its containers, and changing into them. It is
    // root-equivalent and reserved for the lxd snap, so this grant is
    // deliberately broad rather than a list that would be wrong the next release.
    apparmor: (ctx) => `
capability,
network,
mount,
remount,
umount,
pivot_root,
signal,
ptrace,
unix,
dbus,
/** mrwklix,
change_profile -> *,
${ctx.plug.attrs["enable-unconfined-mode"] === true ? "# enable-unconfined-mode: LXD may run helpers outside any profile.\nchange_profile unsafe /** -> unconfined," : ""}
`,
    seccomp: "@unrestricted",
  },
  examples: { plug: { "enable-unconfined-mode": true } },
});
