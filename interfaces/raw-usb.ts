import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "raw-usb",
  summary: "allows raw access to every USB device through usbfs (libusb)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# usbfs device nodes, as libusb opens them.
/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] rw,
# USB serial adapters and modems, and the driver list that tells them apart.
/dev/tty{USB,ACM}[0-9]* rwk,
@{PROC}/tty/drivers r,
# USB printers used directly (receipt printers and the like).
/dev/usb/lp[0-9]* rwk,
# The sysfs trees libusb walks to find devices, under the host controllers
# of PCI and the common SoC layouts; this shows what is plugged in.
/sys/bus/usb/devices/ r,
/sys/devices/pci**/usb[0-9]** r,
/sys/devices/platform/soc**/*.usb**/usb[0-9]** r,
/sys/devices/platform/soc**/*.ssusb**/usb[0-9]** r,
/sys/devices/platform/scb/*.pcie/pci**/usb[0-9]** r,
/sys/devices/platform/axi/*.pcie/*.usb/xhci-hcd.[0-9]*/usb[0-9]** r,
/sys/devices/platform/axi/*.usb/usb[0-9]** r,
# udev's records of USB modems, USB block devices and USB character devices.
/run/udev/data/c16[67]:[0-9] r,
/run/udev/data/b180:* r,
/run/udev/data/c18[089]:* r,
/run/udev/data/+usb:* r,
# Kept beyond snapd's rules: AppArmor here mediates netlink sockets, so the
# uevent socket the filter below allows would be refused without it (libusb's
# hot-plug monitor; the filter still allows only that protocol).
network netlink raw,
`,
    // libusb watches for hot-plugged devices on the kernel's uevent socket.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    udev: ['SUBSYSTEM=="usb"', 'SUBSYSTEM=="usbmisc"', 'SUBSYSTEM=="tty", ENV{ID_BUS}=="usb"'],
  },
});
