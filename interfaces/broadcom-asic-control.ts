import { defineInterface } from "../src/iface/index.js";

// Broadcom's switch ASIC drivers are out of tree; the kernel of such a device
// ships them, and a connection asks for them to be loaded.
const BDE_MODULES = ["linux-user-bde", "linux-kernel-bde", "linux-bcm-knet"];

export default defineInterface({
  name: "broadcom-asic-control",
  summary: "allows driving a Broadcom switch ASIC through its BDE and KNET kernel modules",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The modules' parameters and state, and the devices they create.
/sys/module/linux_bcm_knet/{,**} r,
/sys/module/linux_kernel_bde/{,**} r,
/sys/module/linux_user_bde/{,**} r,
/dev/linux-user-bde rw,
/dev/linux-kernel-bde rw,
/dev/linux-bcm-knet rw,
# Finding the ASIC on the PCI bus. Any PCI device's ids and config space are
# readable: which device is the ASIC is only known once udev is asked.
/sys/devices/pci[0-9a-f]*/**/config r,
/sys/devices/pci[0-9a-f]*/**/{,subsystem_}device r,
/sys/devices/pci[0-9a-f]*/**/{,subsystem_}vendor r,
/sys/bus/pci/devices/ r,
/run/udev/data/+pci:[0-9a-f]* r,
`,
    // The PCI function bound to the BDE driver itself, and the KNET interfaces.
    udev: ['SUBSYSTEM=="pci", DRIVER=="linux-kernel-bde"', 'SUBSYSTEM=="net", KERNEL=="bcm[0-9]*"'],
    kmod: { load: BDE_MODULES },
  },
});
