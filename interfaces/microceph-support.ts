import { defineInterface, optionalBool, type ConnectedContext } from "../src/iface/index.js";

// The MicroCeph daemons: Ceph's OSDs on the machine's disks and partitions,
// RBD block devices, and (with user-identity-switching) an SMB gateway that
// serves files as the authenticated user.

const switchesUsers = (ctx: ConnectedContext): boolean => ctx.plug.attrs["user-identity-switching"] === true;

export default defineInterface({
  name: "microceph-support",
  summary: "allows operating as the MicroCeph storage service",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    // A boolean or nothing, as snapd insists; like snapd, other attributes are kept.
    optionalBool(plug.attrs, "user-identity-switching");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => `
# Disks and partitions for OSDs (k: the daemons lock them): bcache devices
# (device mapper may sit on them), IDE, SCSI, virtio and NVMe partitions,
# and device-mapper devices, up to 1000 of each.
/dev/bcache[0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/hd[a-t][0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/sd{,[a-z]}[a-z][0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/vd{,[a-z]}[a-z][0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/nvme{[0-9],[1-9][0-9]}n{[1-9],[1-5][0-9],6[0-3]}p[0-9]{,[0-9],[0-9][0-9]} rwk,
/dev/dm-[0-9]{,[0-9],[0-9][0-9]} rwk,
# Mapping and unmapping RBD images as block devices, and managing them.
/sys/bus/rbd/add rwk,
/sys/bus/rbd/remove rwk,
/sys/bus/rbd/add_single_major rwk,
/sys/bus/rbd/remove_single_major rwk,
/sys/bus/rbd/supported_features r,
/sys/bus/rbd/devices/** rwk,
# Some tools try sudo; refuse it without logging each attempt.
deny /usr/bin/sudo x,
${
  switchesUsers(ctx)
    ? `
# user-identity-switching: the SMB server takes on the identity of the
# authenticated user while serving their files.
capability setuid,
capability setgid,
`
    : ""
}`,
    // With user-identity-switching, smbd sets the user's supplementary groups
    // on every switch; the default template allows only clearing them.
    seccomp: (ctx) => (switchesUsers(ctx) ? "setgroups\nsetgroups32\n" : ""),
  },
  examples: { plug: { "user-identity-switching": true } },
});
