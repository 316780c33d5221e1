import { defineInterface, onlyKnownAttrs } from "../src/iface/index.js";

export default defineInterface({
  name: "camera",
  summary: "allows access to all cameras",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  // Stricter than snapd, which ignores a camera plug's attributes: none are
  // meaningful, and interfaces/all.test.ts pins this refusal.
  sanitizePlug: (plug) => (onlyKnownAttrs(plug.attrs, []), plug.attrs),
  connectedPlug: {
    apparmor: `
# Every camera: Video4Linux capture devices, and VideoCore's (shared with
# its EGL stack).
/dev/video[0-9]* rwk,
/dev/vchiq rw,
# Finding cameras, which also shows what is plugged in over USB.
/sys/bus/usb/devices/ r,
/sys/devices/pci**/usb*/**/busnum r,
/sys/devices/pci**/usb*/**/devnum r,
/sys/devices/pci**/usb*/**/idVendor r,
/sys/devices/pci**/usb*/**/idProduct r,
/sys/devices/pci**/usb*/**/interface r,
/sys/devices/pci**/usb*/**/modalias r,
/sys/devices/pci**/usb*/**/speed r,
/run/udev/data/c81:[0-9]* r,
/run/udev/data/+usb:* r,
/sys/class/video4linux/ r,
/sys/devices/pci**/usb*/**/video4linux/** r,
/sys/devices/platform/**/usb*/**/video4linux/** r,
`,
    udev: ['KERNEL=="video[0-9]*"', 'KERNEL=="vchiq"'],
  },
});
