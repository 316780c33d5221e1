import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "bluetooth-control",
  summary: "allows managing the kernel's Bluetooth stack and adapters directly",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Bluetooth sockets (HCI, L2CAP, RFCOMM, mgmt) and the kernel's crypto API,
# which pairing uses for its key derivation.
network bluetooth,
network alg,
capability net_admin,
# The btusb driver and module, and each adapter's sysfs state.
/sys/bus/usb/drivers/btusb/ r,
/sys/bus/usb/drivers/btusb/** r,
/sys/module/btusb/ r,
/sys/module/btusb/** r,
/sys/class/bluetooth/ r,
/sys/devices/**/bluetooth/ rw,
/sys/devices/**/bluetooth/** rw,
# The virtual HCI device (CONFIG_BT_VHCI), and MediaTek combo chips' node.
/dev/vhci rw,
/dev/stpbt rw,
`,
    // The two families the AppArmor rules name, and binding HCI and management
    // sockets to an adapter or channel.
    seccomp: `
socket AF_BLUETOOTH
socket AF_ALG
bind
`,
    udev: ['SUBSYSTEM=="bluetooth"', 'SUBSYSTEM=="BT_chrdev"'],
  },
});
