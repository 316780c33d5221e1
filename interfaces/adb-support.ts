import { defineInterface } from "../src/iface/index.js";

// USB vendor ids of the makers whose phones, tablets and boards adb may talk
// to (the list snapd tags). Only these USB devices are tagged for the snap.
const ADB_VENDORS = [
  "03f0", "03fc", "0408", "0409", "0414", "0451", "0471", "0482", "0489", "04b7", "04c5", "04da",
  "04dd", "04e8", "0502", "0531", "054c", "05c6", "067e", "091e", "0930", "0955", "0b05", "0bb4",
  "0c2e", "0db0", "0e79", "0e8d", "0f1c", "0fce", "1004", "109b", "10a9", "1219", "12d1", "1662",
  "16d5", "17ef", "18d1", "1949", "19a5", "19d2", "1b8e", "1bbb", "1d09", "1d45", "1d4d", "1d91",
  "1e85", "1ebf", "1f3a", "1f53", "2006", "201e", "2080", "2116", "2207", "2237", "2257", "22b8",
  "22d9", "2314", "2340", "2420", "24e3", "25e3", "2717", "271d", "2836", "2916", "297f", "29a9",
  "29e4", "2a45", "2a47", "2a49", "2a70", "2ae5", "413c", "8087", "e040",
] as const;

export default defineInterface({
  name: "adb-support",
  summary: "allows operating as the Android debug bridge (adb) host",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The adb server opens any usbfs node; which devices it reaches is left to
    // the udev tags below. snapd's connected slot also installs udev rules
    // making these vendors' devices world-writable (MODE 0666); Plugboard's
    // udev snippets only tag devices, so that part is not expressed.
    apparmor: `
# USB device nodes, udev's records of the USB serial converter devices
# (major 189), and each USB device's serial number, wherever it sits in the
# hub topology.
/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] rw,
/run/udev/data/c189:* r,
/sys/devices/**/usb*/**/serial r,
`,
    udev: ADB_VENDORS.map((v) => `SUBSYSTEM=="usb", ATTR{idVendor}=="${v}"`),
  },
});
