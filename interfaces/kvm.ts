import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kvm",
  summary: "allows running virtual machines with the kernel's KVM device",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The KVM control device; VMs and vCPUs are then created with ioctls on it.
/dev/kvm rw,
# CPU features a hypervisor checks before starting a guest.
@{PROC}/cpuinfo r,
/sys/module/kvm{,_intel,_amd}/parameters/* r,
`,
    udev: ['KERNEL=="kvm"'],
  },
});
