import { defineInterface } from "../src/iface/index.js";

// For the snap that sets up NVIDIA's user-space driver stack (such as
// nvidia-assemble): it creates the driver's character device nodes, whose
// major numbers are partly allocated at run time, so that other snaps'
// opengl and similar interfaces find them. The reverse of what those grant.

export default defineInterface({
  name: "nvidia-drivers-support",
  summary: "allows setting up NVIDIA's driver device nodes for the system",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# mknod from GNU-prefixed and Rust coreutils (the plain /bin and /usr/bin
# ones are in the base template), and the capability to make device nodes.
/{usr/bin/gnu,usr/lib/cargo/bin/coreutils/}mknod ixr,
capability mknod,

# The nodes it creates and sets up.
/dev/nvidia[0-9]* rw,
/dev/nvidiactl rw,
/dev/nvidia-uvm rw,
/dev/nvidia-uvm-tools rw,
/dev/nvidia-modeset rw,

# The major numbers the kernel gave nvidia-uvm and the others.
@{PROC}/devices r,
`,
    // Character device nodes: S_IFCHR is 020000 (the test is on bits, so a
    // block device's mode, 060000, passes too, as in snapd).
    seccomp: `
mknod - |020000 -
mknodat - - |020000 -
`,
  },
});
