import { defineInterface } from "../src/iface/index.js";

/**
 * The KVM module for a CPU with these flags: Intel VT-x (vmx) or AMD-V (svm);
 * otherwise the generic module, which is enough on some other architectures.
 */
export function kvmModuleFor(flags: readonly string[]): string {
  return flags.includes("vmx") ? "kvm_intel" : flags.includes("svm") ? "kvm_amd" : "kvm";
}

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
# Whether nested virtualisation is on (Intel, AMD, POWER's kvm_hv, s390's
# kvm), and AMD SEV.
/sys/module/kvm_intel/parameters/nested r,
/sys/module/kvm_amd/parameters/nested r,
/sys/module/kvm_hv/parameters/nested r,
/sys/module/kvm/parameters/nested r,
/sys/module/kvm_amd/parameters/sev r,
`,
    udev: ['KERNEL=="kvm"'],
    // The module for this machine's CPU, as snapd chooses it.
    kmod: (ctx) => ({ load: [kvmModuleFor(ctx.host?.cpuFlags ?? [])] }),
  },
});
