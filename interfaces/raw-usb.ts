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
# usbfs device nodes, the sysfs descriptors libusb reads to enumerate them,
# and udev's database entries for them.
/dev/bus/usb/ r,
/dev/bus/usb/[0-9][0-9][0-9]/ r,
/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] rw,
/sys/bus/usb/devices/ r,
/sys/devices/**/usb[0-9]*/** r,
/run/udev/data/c189:[0-9]* r,
/run/udev/data/+usb:* r,
# libusb's hot-plug monitor: the kernel's uevent socket (the filter allows only that protocol).
network netlink raw,
`,
    // libusb watches for hot-plugged devices on the kernel's uevent socket.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    udev: ['SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device"'],
  },
});
