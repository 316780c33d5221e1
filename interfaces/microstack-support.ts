import { defineInterface } from "../src/iface/index.js";

// MicroStack: OpenStack in one snap. libvirt runs the virtual machines as
// QEMU processes and writes and loads an AppArmor profile for each of them;
// Open vSwitch, Neutron and dnsmasq provide the networks, LVM and iSCSI the
// volumes. The rules are the union of what all of those need.
//
// Left out: Delegate=true for the services, and leaving the device cgroup to
// libvirt, which snapd sets up: Plugboard has no systemd backend.

/** Kernel modules QEMU, Nova, Neutron and Cinder rely on. */
const MODULES = [
  // vhost and its net, SCSI and vsock back-ends: virtio data planes in the kernel.
  "vhost",
  "vhost-net",
  "vhost-scsi",
  "vhost-vsock",
  // Passing PCI devices to VMs: stub binding, VFIO and its PCI driver.
  "pci-stub",
  "vfio",
  "vfio-pci",
  // Network block devices (Nova, e.g. for block live migration).
  "nbd",
  // Device mapper, its thin pools and snapshots (Cinder's LVM driver).
  "dm-mod",
  "dm-thin-pool",
  "dm-snapshot",
  // The iSCSI initiator (Nova through os-brick) and LIO's ConfigFS core (Cinder's iSCSI targets).
  "iscsi-tcp",
  "target-core-mod",
];

export default defineInterface({
  name: "microstack-support",
  summary: "allows operating as the MicroStack (OpenStack) services",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# QEMU: in-kernel virtio back-ends, VFIO device assignment (container and
# group devices), and qemu-nbd for Nova's image mounts.
/dev/vhost-net rw,
/dev/vhost-scsi rw,
/dev/vhost-vsock rw,
/dev/vfio/vfio rw,
/dev/vfio/* rw,
/dev/nbd* rw,

# Device mapper for LVM and dm-crypt: the control node, the /dev/mapper
# links, the dm devices, the volume group directories, and bcache devices
# (up to 1000) that mapped devices may sit on.
/dev/mapper/control rw,
/dev/mapper/{,**} rw,
/dev/dm-* rw,
/dev/microstack-*/{,**} rw,
/dev/bcache[0-9]{,[0-9],[0-9][0-9]} rw,

# Loop devices, for file-backed LVM.
/dev/loop-control rw,
/dev/loop[0-9]* rw,

# libvirt writes and loads AppArmor profiles for the helpers it starts.
/sys/kernel/security/apparmor/{,**} r,
/sys/kernel/security/apparmor/.remove w,
/sys/kernel/security/apparmor/.replace w,

# IOMMU groups, for device assignment.
/sys/kernel/iommu_groups/{,**} r,
/sys/bus/pci/devices/**/iommu_group/** r,

# libvirt's QEMU driver state on the huge page mount (a fixed path).
/dev/hugepages/libvirt/ rw,
/dev/hugepages/libvirt/** mrwklix,

# How many memory regions the vhost module allows.
/sys/module/vhost/parameters/max_mem_regions r,

# Control groups as libvirt lays them out, without systemd (machine/) and
# with it (machine.slice/machine-qemu*).
/sys/fs/cgroup/unified/cgroup.controllers r,
/sys/fs/cgroup/cpuset/cpuset.cpus r,
/sys/fs/cgroup/*/ r,
/sys/fs/cgroup/*/machine/ rw,
/sys/fs/cgroup/*/machine/** rw,
/sys/fs/cgroup/*/machine.slice/machine-qemu*/{,**} rw,
@{PROC}/[0-9]*/cgroup r,
@{PROC}/cgroups r,

# Process and scheduling details libvirt reads, and memory type ranges.
@{PROC}/filesystems r,
@{PROC}/mtrr w,
@{PROC}/@{pids}/environ r,
@{PROC}/@{pids}/sched r,
@{PROC}/@{pids}/task/@{tid}/sched r,
@{PROC}/@{pids}/task/@{tid}/schedstat r,
@{PROC}/*/status r,

# Resetting and rebinding PCI devices goes through their config space and
# the driver core.
/sys/devices/pci*/**/config rw,
/sys/devices/pci*/**/driver_override rw,
/sys/bus/pci/drivers/**/unbind rw,
/sys/bus/pci/drivers_probe rw,

# SPICE shared memory.
owner /{dev,run}/shm/spice.* rw,

# Lock files for the terminals of virsh console sessions.
/run/lock/ r,
/run/lock/LCK.._pts_* rwk,

# LVM's locks, run-time state and dmeventd's FIFOs.
/run/lock/lvm/ rw,
/run/lock/lvm/** rwk,
/run/lvm/ rw,
/run/lvm/** rwlk,
/run/dmeventd-client rwlk,
/run/dmeventd-server rwlk,

# targetcli configuring LIO targets, and its lock.
/sys/kernel/config/target/ rw,
/sys/kernel/config/target/** rw,
/{var/,}run/targetcli.lock rwlk,

# iscsid: its locks, transports, sessions, hosts and connections.
/run/lock/iscsi/ rw,
/run/lock/iscsi/** rwlk,
/sys/devices/virtual/iscsi_transport/tcp/** r,
/sys/devices/virtual/iscsi_transport/iser/** r,
/sys/class/iscsi_session/** rw,
/sys/class/iscsi_host/** r,
/sys/devices/platform/host*/scsi_host/host*/** rw,
/sys/devices/platform/host*/session*/connection*/iscsi_connection/connection*/** rw,
/sys/devices/platform/host*/session*/iscsi_session/session*/** rw,
/sys/devices/platform/host*/session*/target*/** rw,
/sys/devices/platform/host*/iscsi_host/host*/** rw,

# Locking whole SCSI disks (sda to sdiv), and detaching them (os-brick).
/dev/sd{,[a-h]}[a-z] rwk,
/dev/sdi[a-v] rwk,
/sys/block/sd{,[a-h]}[a-z]/device/delete rw,
/sys/block/sdi[a-v]/device/delete rw,

# open-iscsi keeps itself out of the OOM killer's way.
owner @{PROC}/@{pid}/oom_score_adj rw,

# mac_admin for loading the helpers' profiles; chown for the services'
# sockets; Nova's file access; prctl capability changes; device nodes.
capability mac_admin,
capability chown,
capability dac_override,
capability dac_read_search,
capability fowner,
capability setpcap,
capability mknod,

# Starting VMs under the profiles libvirt made for them (libvirt-UUID),
# signalling them, and reading their and its own process details.
change_profile -> libvirt-[0-9a-f]*-[0-9a-f]*-[0-9a-f]*-[0-9a-f]*-[0-9a-f]*,
signal (read, send) peer=libvirt-*,
ptrace (read, trace) peer=@{profile_name},
ptrace (read, trace) peer=libvirt-*,

# neutron-ovn-agent's metadata namespaces.
umount /run/netns/ovnmeta-*,

# AMD SEV, for encrypted VMs.
/dev/sev rw,

# Open vSwitch with DPDK: page maps, locked memory, and anonymous files on
# huge pages, which AppArmor sees at "/" (removing top-level entries of the
# root still needs more than this).
@{PROC}/@{pids}/pagemap r,
capability ipc_lock,
owner / rw,
`,
    // Block device nodes: S_IFBLK is 060000 (a test on bits, as in snapd).
    seccomp: `
mknod - |060000 -
mknodat - - |060000 -
`,
    kmod: { load: MODULES },
  },
});
