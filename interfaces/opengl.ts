import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "opengl",
  summary: "allows rendering with the GPU through OpenGL, Vulkan, VA-API and CUDA",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# DRM devices (major 226): render nodes and, for mode information, the cards.
/dev/dri/ r,
/dev/dri/card[0-9]* rw,
/dev/dri/renderD[0-9]* rw,
/dev/dri/by-path/ r,
/run/udev/data/c226:[0-9]* r,
# NVIDIA's proprietary driver nodes.
/dev/nvidiactl rw,
/dev/nvidia[0-9]* rw,
/dev/nvidia-modeset rw,
/dev/nvidia-uvm rw,
/dev/nvidia-uvm-tools rw,
/dev/nvidia-caps/ r,
/dev/nvidia-caps/nvidia-cap[0-9]* rw,
@{PROC}/driver/nvidia/params r,
@{PROC}/driver/nvidia/capabilities/** r,
@{PROC}/modules r,
# How drivers pick themselves: PCI and DRM attributes of the GPUs.
/sys/class/drm/ r,
/sys/devices/**/drm/** r,
/sys/devices/pci[0-9a-f]*/**/{vendor,device,subsystem_vendor,subsystem_device,revision,class,config,resource,boot_vga,uevent,driver} r,
/sys/bus/pci/devices/ r,
# Driver libraries and ICD descriptors a host may provide for snaps, and shader caches.
/var/lib/snapd/lib/{gl,gl32,vulkan,glvnd}/** rm,
/etc/glvnd/** r,
/etc/vulkan/** r,
/etc/OpenCL/vendors/{,**} r,
owner @{HOME}/.cache/mesa_shader_cache/** rwk,
owner @{HOME}/.cache/nvidia/** rwk,
`,
    udev: [
      'SUBSYSTEM=="drm", KERNEL=="card[0-9]*"',
      'SUBSYSTEM=="drm", KERNEL=="renderD[0-9]*"',
      'KERNEL=="nvidia[0-9]*"',
      'KERNEL=="nvidiactl"',
      'KERNEL=="nvidia-modeset"',
      'KERNEL=="nvidia-uvm"',
      'KERNEL=="nvidia-uvm-tools"',
    ],
  },
});
