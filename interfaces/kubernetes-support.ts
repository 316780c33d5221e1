import { AttributeProblem, defineInterface, type ConnectedContext, type KmodSnippet } from "../src/iface/index.js";
import type { PlugInfo } from "../src/snap/index.js";

// A Kubernetes node agent (kubelet), its service proxy (kube-proxy) or one of
// the other daemons shipped with it. The plug's `flavor` picks which of them
// the connected app is; without one it is all of them together, as in snapd:
// - kubelet: the common node rules, the kubelet's and the autobind rules;
// - kubeproxy: the common rules, the proxy's and the autobind rules;
// - autobind-unix: only the autobind rules, for daemons that log to the
//   journal through an automatically bound datagram socket and need none of
//   the node privileges.
//
// Left out or different, so that Plugboard grants no more than snapd:
// - lsm_get_self_attr and lsm_set_self_attr (kubelet seccomp): the libseccomp
//   this builds with predates them and the compiler refuses names it does not
//   know (snapd's compiler skips them on such hosts too).
// - Delegate=true for the services of every flavor but autobind-unix:
//   Plugboard has no systemd backend.
// - In the systemd-run child profile, snapd lets the child trace and read its
//   own parent app (@{SNAP_COMMAND_NAME}); a snippet here is rendered once for
//   every app bound to the plug, so the peer is those apps' label. The kubelet
//   profile may already trace every app of its snap, so nothing new is reached.

const FLAVORS = ["kubelet", "kubeproxy", "autobind-unix"] as const;
type Flavor = (typeof FLAVORS)[number] | "";

function flavorOf(plug: PlugInfo): Flavor {
  const f = plug.attrs["flavor"];
  return typeof f === "string" && (FLAVORS as readonly string[]).includes(f) ? (f as Flavor) : "";
}

/**
 * The certificate stores TLS clients read (AppArmor's ssl_certs abstraction,
 * spelled out), plus the Java keystore links Debian keeps next to them.
 * Shared with greengrass-support.
 */
export const SSL_CERTS = `
/etc/ssl/certs/java/{,*} r,
/etc/ca-certificates/{,**} r,
/etc/{,libre}ssl/ r,
/etc/{,libre}ssl/cert.pem r,
/etc/{,libre}ssl/certs/{,**} r,
/{etc,usr/share}/pki/bl[ao]cklist/{,*} r,
/{etc,usr/share}/pki/trust/{,*} r,
/{etc,usr/share}/pki/trust/{bl[oa]cklist,anchors}/{,**} r,
/usr/share/ca-certificates/{,**} r,
/usr/share/ssl/certs/ca-bundle.crt r,
/usr/local/share/ca-certificates/{,**} r,
/var/lib/ca-certificates/{,**} r,
/var/lib/acme/certs/*/chain r,
/var/lib/acme/certs/*/cert r,
/{etc,var/lib}/dehydrated/certs/*/cert*.pem r,
/{etc,var/lib}/dehydrated/certs/*/chain*.pem r,
/{etc,var/lib}/dehydrated/certs/*/fullchain*.pem r,
/{etc,var/lib}/dehydrated/certs/*/ocsp*.der r,
/etc/letsencrypt/archive/*/cert*.pem r,
/etc/letsencrypt/archive/*/chain*.pem r,
/etc/letsencrypt/archive/*/fullchain*.pem r,
/etc/certbot/archive/*/cert*.pem r,
/etc/certbot/archive/*/chain*.pem r,
/etc/certbot/archive/*/fullchain*.pem r,
/etc/crypto-policies/*/*.txt r,
/usr/share/crypto-policies/*/*.txt r,
`;

/** Where the base template and the child profile look for `true`: the host's coreutils, GNU-prefixed ones, Rust coreutils, and the snap's own. */
const COREUTIL_DIRS = "{bin/,usr/bin/,usr/bin/gnu,usr/lib/cargo/bin/coreutils/}";

/** Extra rules of the systemd-run child profile when the kubelet is in play: the mounts it delegates to transient units. */
const kubeletSystemdRun = (ctx: ConnectedContext) => `
# The kubelet has systemd-run perform some of its volume mounts: tmpfs and
# binds inside the snap's common data, and block devices (NVMe, SCSI and
# virtio disks and their partitions) mounted there.
capability sys_admin,
/{,usr/}bin/mount ixr,
mount fstype="tmpfs" tmpfs -> /var/snap/@{SNAP_INSTANCE_NAME}/common/**,
deny /run/mount/utab{,.lock} rw,
mount /var/snap/@{SNAP_INSTANCE_NAME}/common/{,**} -> /var/snap/@{SNAP_INSTANCE_NAME}/common/{,**},
mount options=(rw, remount, bind) -> /var/snap/@{SNAP_INSTANCE_NAME}/common/{,**},
mount /dev/nvme{[0-9],[1-9][0-9]}n{[1-9],[1-5][0-9],6[0-3]}{,p{[1-9],[1-5][0-9],6[0-3]}} -> /var/snap/@{SNAP_INSTANCE_NAME}/common/**,
mount /dev/sd{[a-z],[a-h][a-z],i[a-v]}{[1-9],1[0-5]} -> /var/snap/@{SNAP_INSTANCE_NAME}/common/**,
mount /dev/vd[a-z]{[1-9],[1-5][0-9],6[0-3]} -> /var/snap/@{SNAP_INSTANCE_NAME}/common/**,
umount /var/snap/@{SNAP_INSTANCE_NAME}/common/**,
# A subPath volume is bound through /proc/PID/fd/N of the kubelet, which the
# kernel checks as reading (and, on older Ubuntu kernels, tracing) the parent.
ptrace (read, trace) peer=${ctx.plugLabel},
`;

const common = (ctx: ConnectedContext, flavor: Flavor) => `
# Every Kubernetes node daemon: reading control groups and memory facts,
# setting containers' OOM scores, Calico's IPAM lock, the TLS trust stores.
capability sys_resource,
/sys/fs/cgroup/{,**} r,
# The OOM score of any process, not only containers'.
@{PROC}/@{pid}/oom_score_adj rw,
@{PROC}/sys/vm/overcommit_memory rw,
/sys/kernel/mm/hugepages/{,**} r,
/sys/kernel/mm/transparent_hugepage/{,**} r,
capability dac_override,
/{,var/}run/calico/ipam.lock rwk,
${SSL_CERTS}
# Network plugins such as cilium drive traffic control through tc, which
# talks over a seqpacket socket of the crypto (alg) family.
network alg seqpacket,

# The kubelet asks "systemd-run --scope true" whether systemd can run its
# mounts, and then runs them through it. systemd-run runs in a child profile
# of its own: enough to talk to systemd's private socket and to tell whether
# it is inside a container, which means reading (and on older Ubuntu kernels
# tracing) PID 1, which is unconfined.
/{,usr/}bin/systemd-run Cxr -> systemd_run,
/run/systemd/private r,
profile systemd_run (attach_disconnected,mediate_deleted) {
include <abstractions/base>
/{,usr/}bin/systemd-run rm,
owner @{PROC}/@{pid}/stat r,
owner @{PROC}/@{pid}/environ r,
@{PROC}/cmdline r,
capability net_admin,
@{PROC}/sys/kernel/osrelease r,
@{PROC}/1/sched r,
/run/systemd/container r,
ptrace (read, trace) peer=unconfined,
/run/systemd/private rw,
@{PROC}/1/cmdline r,
/${COREUTIL_DIRS}true ixr,
/snap/@{SNAP_NAME}/@{SNAP_REVISION}/${COREUTIL_DIRS}true ixr,
${flavor === "kubelet" || flavor === "" ? kubeletSystemdRun(ctx) : ""}}
`;

const KUBELET = `
# The kubelet: the dockershim socket, flannel's state (the control plane may
# live outside any snap), pods' control groups under kubepods and, with the
# systemd cgroup driver, under system.slice.
/run/dockershim.sock rw,
/run/flannel/{,**} rw,
/run/flannel/** k,
/sys/fs/cgroup/*/kubepods/{,**} rw,
/sys/fs/cgroup/*/systemd/{,system.slice/} rw,
/sys/fs/cgroup/*/systemd/system.slice/** r,
/sys/fs/cgroup/*/systemd/system.slice/cgroup.procs w,

# Tracing its own snap's processes, and any confined process for ps-style
# lookups (the peer must allow it), never an unconfined one.
capability sys_ptrace,
ptrace (trace) peer=snap.@{SNAP_INSTANCE_NAME}.*,
ptrace (trace),
deny ptrace (trace) peer=unconfined,

# Process details for its container bookkeeping; dac_read_search to stat
# namespace files of processes owned by other users.
@{PROC}/[0-9]*/attr/ r,
@{PROC}/[0-9]*/fdinfo/ r,
@{PROC}/[0-9]*/map_files/ r,
@{PROC}/[0-9]*/ns/{,*} r,
capability dac_read_search,

# It checks and sets the kernel's panic behaviour, and reads key quotas.
@{PROC}/sys/kernel/panic w,
@{PROC}/sys/kernel/panic_on_oops w,
@{PROC}/sys/kernel/keys/root_maxbytes r,
@{PROC}/sys/kernel/keys/root_maxkeys r,
/dev/kmsg r,

# The mounts and unmounts it does itself, inside the snap's common data.
capability sys_admin,
mount /var/snap/@{SNAP_INSTANCE_NAME}/common/{,**} -> /var/snap/@{SNAP_INSTANCE_NAME}/common/{,**},
mount options=(rw, rshared) -> /var/snap/@{SNAP_INSTANCE_NAME}/common/{,**},
/{,usr/}bin/mount ixr,
/{,usr/}bin/umount ixr,
deny /run/mount/utab{,.lock} rw,
umount /var/snap/@{SNAP_INSTANCE_NAME}/common/**,

# Volumes with an fsGroup are chowned recursively, keeping setgid directories.
capability fsetid,
`;

const KUBEPROXY = `
# kube-proxy: its own control group, and whether the modules it uses for
# load balancing and bridging are loaded.
/sys/fs/cgroup/*/kube-proxy/{,**} rw,
/sys/module/libcrc32c/initstate r,
/sys/module/llc/initstate r,
/sys/module/stp/initstate r,
/sys/module/ip_vs/initstate r,
/sys/module/ip_vs_rr/initstate r,
/sys/module/ip_vs_sh/initstate r,
/sys/module/ip_vs_wrr/initstate r,
`;

// The journal client libraries bind datagram sockets to automatic addresses.
// The 3.0 ABI cannot say "automatic only", so every datagram bind is allowed.
const AUTOBIND = `
# Binding datagram sockets (automatic addresses, for the journal).
unix (bind) type=dgram,
`;

/** The modules kube-proxy needs for IPVS load balancing and bridging. */
const KUBEPROXY_MODULES: KmodSnippet = { load: ["ip_vs_rr", "ip_vs_sh", "ip_vs_wrr", "libcrc32c", "llc", "stp"] };

const SECCOMP_KUBELET = `
# The kubelet's own mounts, namespaces for pods (joining only network
# namespaces), and fsGroup ownership changes.
mount
umount
umount2
unshare
setns - CLONE_NEWNET
fchownat
`;

export default defineInterface({
  name: "kubernetes-support",
  summary: "allows operating as a Kubernetes node service (kubelet, kube-proxy)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    // Only flavor is checked, as snapd checks it; other attributes are kept.
    const f = plug.attrs["flavor"];
    if (f !== undefined && !(typeof f === "string" && (FLAVORS as readonly string[]).includes(f))) {
      throw new AttributeProblem(`flavor must be one of ${FLAVORS.join(", ")} (or left out for all of them), not ${JSON.stringify(f)}`);
    }
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const flavor = flavorOf(ctx.plug);
      switch (flavor) {
        case "autobind-unix":
          return AUTOBIND;
        case "kubelet":
          return common(ctx, flavor) + KUBELET + AUTOBIND;
        case "kubeproxy":
          return common(ctx, flavor) + KUBEPROXY + AUTOBIND;
        default:
          return common(ctx, flavor) + KUBELET + KUBEPROXY + AUTOBIND;
      }
    },
    seccomp: (ctx) => {
      const flavor = flavorOf(ctx.plug);
      return `\n# Binding the journal's datagram socket.\nbind\n${flavor === "kubelet" || flavor === "" ? SECCOMP_KUBELET : ""}`;
    },
    udev: (ctx) => {
      const flavor = flavorOf(ctx.plug);
      return flavor === "kubelet" || flavor === "" ? ['KERNEL=="kmsg"'] : [];
    },
    kmod: (ctx) => {
      const flavor = flavorOf(ctx.plug);
      return flavor === "kubeproxy" || flavor === "" ? KUBEPROXY_MODULES : {};
    },
  },
});
