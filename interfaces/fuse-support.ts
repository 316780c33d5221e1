import { defineInterface } from "../src/iface/index.js";

// Mount targets: the snap's writable directories of the current revision and
// common, in the user's home and in /var/snap, and anything below them.
const TARGETS = [
  "/home/*/snap/@{SNAP_INSTANCE_NAME}/@{SNAP_REVISION}/{,**/}",
  "/home/*/snap/@{SNAP_INSTANCE_NAME}/common/{,**/}",
  "/var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/@{SNAP_REVISION}/{,**/}",
  "/var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/common/{,**/}",
];

export default defineInterface({
  name: "fuse-support",
  summary: "allows mounting file systems implemented in user space (FUSE)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // A privileged FUSE server (the setuid fusermount is not for snaps). The
    // files a FUSE mount of a local directory shows are still checked at
    // their source, so any source may be mounted onto the snap's own
    // directories, with fuse's default options (nosuid, nodev) only.
    apparmor: `
/dev/fuse rw,
capability sys_admin,
${TARGETS.flatMap((t) => [`mount fstype=fuse.* options=(ro,nosuid,nodev) ** -> ${t},`, `mount fstype=fuse.* options=(rw,nosuid,nodev) ** -> ${t},`]).join("\n")}
# The system's fuse.conf could allow options these rules do not expect.
deny /etc/fuse.conf r,
/sys/fs/fuse/ r,
/sys/fs/fuse/** r,
`,
    seccomp: `
mount
`,
    udev: ['KERNEL=="fuse"'],
  },
});
