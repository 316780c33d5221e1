import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "nvme-control",
  summary: "allows managing NVMe controllers and namespaces, local and over fabrics (nvme-cli)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The host's NVMe identity and discovery settings, as nvme-cli reads them.
/etc/nvme/discovery.conf r,
/etc/nvme/hostid r,
/etc/nvme/hostnqn r,

# Controller state, and the fabrics and subsystem objects written to
# connect, reset or tear down controllers.
/sys/class/nvme/** r,
/sys/devices/virtual/nvme-fabrics/** rw,
/sys/devices/virtual/nvme-subsystem/** rw,
/sys/module/nvme_core/parameters/* r,
/sys/bus/pci/slots/ r,
/sys/firmware/acpi/tables/ r,

# Connecting to a fabrics target goes through this device.
/dev/nvme-fabrics rw,
# Controllers and their namespaces (k: tools lock them while they work).
/dev/nvme[0-9]* rwk,
/dev/nvme[0-9]*n[0-9]* rwk,
`,
    // Controllers (nvme class) and the fabrics control node.
    udev: ['SUBSYSTEM=="nvme"', 'KERNEL=="nvme-fabrics"'],
    // The PCIe NVMe driver and the NVMe-over-TCP transport, loaded by the
    // system so the snap needs no right to load modules itself.
    kmod: { load: ["nvme", "nvme-tcp"] },
  },
});
