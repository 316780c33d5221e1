import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "dcdbas-control",
  summary: "allows Dell systems-management software to use the Dell base driver (dcdbas)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  // The driver exposes no device node, only sysfs files; snapd tags no device.
  connectedPlug: {
    apparmor: `
# System management interrupts: the buffer the firmware reads its request
# from, where that buffer lives, its size, and the trigger.
/sys/devices/platform/dcdbas/smi_data rw,
/sys/devices/platform/dcdbas/smi_data_buf_phys_addr rw,
/sys/devices/platform/dcdbas/smi_data_buf_size rw,
/sys/devices/platform/dcdbas/smi_request rw,
# Host control actions: power the machine off or cycle it once the OS has
# shut down, and how the firmware is told so.
/sys/devices/platform/dcdbas/host_control_action rw,
/sys/devices/platform/dcdbas/host_control_smi_type rw,
/sys/devices/platform/dcdbas/host_control_on_shutdown rw,
`,
  },
});
