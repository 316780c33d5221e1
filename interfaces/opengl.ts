import { defineInterface } from "../src/iface/index.js";

// PCI device directories, also behind the PCIe controllers of common SoCs.
const PCI = "/sys/devices/{,*pcie-controller/,platform/{soc,scb}/*.pcie/}pci[0-9a-f]*/**";

export default defineInterface({
  name: "opengl",
  summary: "allows rendering with the GPU through OpenGL, Vulkan, VA-API and CUDA",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# Driver libraries and ICD descriptors snapd-style hosts provide for snaps,
# and GPU libraries a snap exports or WSL2 provides. (The host's own driver
# libraries are in the library trees the base template grants; snapd's rules
# for them under /var/lib/snapd/hostfs are for its mount namespace and are
# not needed here.)
/var/lib/snapd/lib/gl{,32}/ r,
/var/lib/snapd/lib/gl{,32}/** rm,
/var/lib/snapd/lib/vulkan/ r,
/var/lib/snapd/lib/vulkan/** r,
/var/lib/snapd/lib/glvnd/ r,
/var/lib/snapd/lib/glvnd/** r,
/var/lib/snapd/lib/system/gpu/{,**} rm,
/usr/lib/wsl/{,**} rm,
# libdrm's table of AMD GPU names.
/usr/share/libdrm/amdgpu.ids r,

# DRM devices: every card (hybrid systems and SoCs have several, and none is
# known to be the one in use) and the render nodes (VA-API).
/dev/dri/ r,
/dev/dri/card[0-9]* rw,
/dev/dri/renderD[0-9]* rw,

# NVIDIA: its nodes, its /proc files, the GLX socket pair with its X driver
# (confined Xorg gets no automatic delegation), and its application profiles.
/etc/vdpau_wrapper.cfg r,
@{PROC}/driver/nvidia/params r,
@{PROC}/driver/nvidia/gpus/*/information r,
@{PROC}/driver/nvidia/capabilities/mig/monitor r,
@{PROC}/modules r,
/dev/nvidia* rw,
unix (send, receive) type=dgram peer=(addr="@nvidia[0-9a-f]*"),
unix (send, receive) type=stream peer=(label="Xorg"),
/usr/share/nvidia/ r,
/usr/share/nvidia/** r,
/run/nvidia-xdriver-* rw,
unix (send, receive) type=dgram peer=(addr="@var/run/nvidia-xdriver-*"),
# The persistence daemon's socket (DCGM).
/run/nvidia-persistenced/socket rw,

# VideoCore (EGL, shared with the camera; MMAL video decoding).
/dev/vchiq rw,
/dev/vcsm-cma rw,

# Intel's performance counters setting.
@{PROC}/sys/dev/i915/perf_stream_paranoid r,

# CUDA, and NVIDIA Tegra.
@{PROC}/sys/vm/mmap_min_addr r,
@{PROC}/devices r,
/sys/devices/system/memory/block_size_bytes r,
/sys/module/tegra_fuse/parameters/tegra_* r,
unix (bind,listen) type=seqpacket addr="@cuda-uvmfd-[0-9a-f]*",
/{dev,run}/shm/cuda.* rw,
/dev/nvhost-* rw,
/dev/nvmap rw,
/dev/tegra_dc_ctrl rw,
/dev/tegra_dc_[0-9]* rw,
/dev/nvgpu/igpu[0-9]*/power rw,
/dev/nvgpu/igpu[0-9]*/ctrl rw,
/dev/nvgpu/igpu[0-9]*/prof rw,
/dev/host1x-fence rw,

# Xilinx zocl, Imagination PowerVR, ARM Mali, NXP i.MX.
/sys/devices/platform/amba{,_pl@[0-9]*}/amba{,_pl@[0-9]*}:zyxclmm_drm/* r,
/dev/pvr_sync rw,
/dev/mali[0-9]* rw,
/dev/dma_buf_te rw,
/dev/dma_heap/linux,cma rw,
/dev/dma_heap/system rw,
/dev/galcore rw,

# OpenCL ICDs.
/etc/OpenCL/vendors/ r,
/etc/OpenCL/vendors/** r,

# Parallels guest tools' 3D acceleration.
@{PROC}/driver/prl_vtg rw,

# How drivers pick themselves: the GPUs' PCI attributes and DRM sysfs nodes,
# and udev's records of them.
${PCI}/config r,
${PCI}/revision r,
${PCI}/resource r,
${PCI}/irq r,
${PCI}/boot_vga r,
${PCI}/{,subsystem_}class r,
${PCI}/{,subsystem_}device r,
${PCI}/{,subsystem_}vendor r,
/sys/devices/**/drm{,_dp_aux_dev}/** r,
/sys/bus/pci/devices/ r,
/sys/bus/platform/devices/soc:gpu/ r,
/run/udev/data/+drm:card* r,
/run/udev/data/+pci:[0-9a-f]* r,
/run/udev/data/+platform:soc:gpu* r,
/run/udev/data/c226:[0-9]* r,

# AMD's Kernel Fusion Driver (ROCm).
/dev/kfd rw,
/sys/module/amdgpu/initstate r,
/sys/devices/virtual/kfd/kfd/dev r,
/sys/devices/virtual/kfd/kfd/uevent r,
/sys/devices/virtual/kfd/kfd/topology/{,generation_id,system_properties} r,
/sys/devices/virtual/kfd/kfd/topology/nodes/[0-9]*/{,gpu_id,properties,io_links/[0-9]*/properties,caches/[0-9]*/properties,mem_banks/[0-9]*/properties} r,
`,
    // NVIDIA's main nodes have no sysfs entries and cannot be tagged (snapd's
    // launcher adds them by hand). The dma-heap "linux,cma" is matched with
    // "?" for the comma, which udev matches here cannot contain.
    udev: [
      'SUBSYSTEM=="drm", KERNEL=="card[0-9]*"',
      'SUBSYSTEM=="dma_heap", KERNEL=="linux?cma"',
      'SUBSYSTEM=="dma_heap", KERNEL=="system"',
      'KERNEL=="vchiq"',
      'KERNEL=="vcsm-cma"',
      'KERNEL=="renderD[0-9]*"',
      'KERNEL=="nvhost-*"',
      'KERNEL=="nvmap"',
      'KERNEL=="tegra_dc_ctrl"',
      'KERNEL=="tegra_dc_[0-9]*"',
      'KERNEL=="pvr_sync"',
      'KERNEL=="mali[0-9]*"',
      'KERNEL=="dma_buf_te"',
      'KERNEL=="galcore"',
      'SUBSYSTEM=="nvidia-gpu-v2-power", KERNEL=="power"',
      'SUBSYSTEM=="nvidia-gpu-v2", KERNEL=="ctrl"',
      'SUBSYSTEM=="nvidia-gpu-v2", KERNEL=="prof"',
      'SUBSYSTEM=="host1x-fence"',
      'SUBSYSTEM=="kfd", KERNEL=="kfd"',
    ],
  },
});
