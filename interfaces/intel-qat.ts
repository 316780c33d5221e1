import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "intel-qat",
  summary: "allows using Intel QuickAssist (QAT) crypto and compression accelerators through VFIO",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# qatlib drives the accelerator's virtual functions from user space through
# VFIO: the container device /dev/vfio/vfio and one node per IOMMU group.
/dev/vfio/* rw,
# Which group each function is in, and the PCI ids that tell QAT functions
# apart, including those bound to the 4xxx driver.
/sys/kernel/iommu_groups/{,**} r,
/sys/devices/pci*/**/{device,vendor} r,
/sys/bus/pci/drivers/4xxx/{,**} r,
# The QAT control device, for configuring, resetting and querying devices.
/dev/qat_adf_ctl rw,
# The socket of qatmgr, the daemon that hands out QAT instances to processes.
/run/qat/qatmgr.sock rw,
`,
    udev: ['SUBSYSTEM=="vfio", KERNEL=="*"', 'SUBSYSTEM=="misc", KERNEL=="vfio"', 'SUBSYSTEM=="qat_adf_ctl", KERNEL=="qat_adf_ctl"'],
  },
});
