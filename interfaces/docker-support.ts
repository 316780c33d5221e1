import { defineInterface, onlyKnownAttrs, optionalBool } from "../src/iface/index.js";

export default defineInterface({
  name: "docker-support",
  summary: "allows operating as the Docker daemon",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["privileged-containers"]);
    optionalBool(plug.attrs, "privileged-containers");
    return plug.attrs;
  },
  connectedPlug: {
    // A container engine mounts, pivots, builds namespaces and runs arbitrary
    // images: it is root-equivalent, so this grant is deliberately broad.
    apparmor: `
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
change_profile -> *,
/** mrwklix,
`,
    seccomp: (ctx) =>
      ctx.plug.attrs["privileged-containers"] === true
        ? "@unrestricted"
        : `
mount
umount2
pivot_root
unshare
setns
keyctl
add_key
request_key
bpf
perf_event_open
`,
  },
  examples: { plug: { "privileged-containers": false } },
});
