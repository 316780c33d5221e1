import { defineInterface } from "../src/iface/index.js";

// HashiCorp Nomad's client agent, which places the tasks it runs in control
// groups of its own (nomad.slice) and changes file ownership freely.
//
// Left out, so that Plugboard grants no more than snapd:
// - lchownat in seccomp: Linux has no such call; snapd's compiler skips
//   names it does not know, the one here refuses them.
// - Delegate=true for the services, and leaving the device cgroup to Nomad:
//   Plugboard has no systemd backend.

export default defineInterface({
  name: "nomad-support",
  summary: "allows operating as the HashiCorp Nomad agent",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Which controllers exist, and enabling them for its subtree.
/sys/fs/cgroup/cgroup.controllers r,
/sys/fs/cgroup/cgroup.subtree_control rw,

# Its own slice at the top level, for CPU set management; dac_override to
# create it, chown to hand task directories to nobody.
/sys/fs/cgroup/nomad.slice/ rw,
/sys/fs/cgroup/nomad.slice/cpuset.cpus.effective r,
/sys/fs/cgroup/nomad.slice/cgroup.type r,
capability dac_override,
capability chown,

# Its slice's settings and the tasks' slices and scopes below it.
/sys/fs/cgroup/nomad.slice/* rw,
/sys/fs/cgroup/nomad.slice/*.slice/{,**} rw,
/sys/fs/cgroup/nomad.slice/*.scope/{,**} rw,

# CPU sets of the Docker containers its docker driver starts.
/sys/fs/cgroup/system.slice/docker-*.scope/cpuset.cpus rw,

# The NVIDIA device plugin reads the GPUs' MIG capabilities.
@{PROC}/driver/nvidia/capabilities/mig/config r,
@{PROC}/driver/nvidia/capabilities/mig/monitor r,
`,
    // Jobs may set any owner and group on their files.
    seccomp: `
chown
chown32
fchown
fchown32
fchownat
lchown
`,
  },
});
