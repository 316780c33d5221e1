import { defineInterface } from "../src/iface/index.js";

// USB vendor IDs of common Android device makers (Google, Samsung, HTC,
// Motorola, LG, Sony, Huawei, OnePlus, Xiaomi, Oppo, Lenovo, Asus, ZTE,
// Nokia/HMD, Qualcomm, MediaTek, Fairphone, Amazon). Only these USB devices
// are tagged, not every USB device.
const ANDROID_VENDORS = [
  "18d1", "04e8", "0bb4", "22b8", "1004", "054c", "0fce", "12d1", "2a70", "2717",
  "22d9", "17ef", "0b05", "19d2", "2e04", "05c6", "0e8d", "2ae5", "1949",
] as const;

export default defineInterface({
  name: "adb-support",
  summary: "allows operating as the Android debug bridge (adb) host",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Find Android devices on USB and talk to them through usbfs.
/dev/bus/usb/ r,
/dev/bus/usb/[0-9][0-9][0-9]/ r,
/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] rw,
/sys/bus/usb/devices/ r,
/sys/devices/**/usb[0-9]*/** r,
/run/udev/data/c189:[0-9]* r,
# adb reads and writes its keys and known devices in ~/.android.
owner @{HOME}/.android/ rw,
owner @{HOME}/.android/** rwk,
`,
    udev: ANDROID_VENDORS.map((v) => `SUBSYSTEM=="usb", ENV{ID_VENDOR_ID}=="${v}"`),
  },
});
