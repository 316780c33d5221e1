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
# Bluetooth sockets (HCI, L2CAP, RFCOMM, mgmt) and the adapter state in sysfs.
network bluetooth,
capability net_admin,
capability net_raw,
/sys/class/bluetooth/ r,
/sys/bus/usb/drivers/btusb/ r,
/sys/bus/usb/drivers/btusb/** r,
/sys/devices/**/bluetooth/ r,
/sys/devices/**/bluetooth/** rw,
/sys/devices/**/hci[0-9]*/** r,
# The virtual HCI device and RFCOMM TTYs.
/dev/vhci rw,
/dev/rfcomm[0-9]* rw,
/run/udev/data/+bluetooth:* r,
`,
    // HCI and management sockets are bound to an adapter or channel before use.
    seccomp: `
socket AF_BLUETOOTH
bind
`,
    udev: ['SUBSYSTEM=="bluetooth"', 'SUBSYSTEM=="BT_chrdev"', 'KERNEL=="vhci"', 'KERNEL=="rfcomm[0-9]*"'],
  },
});
