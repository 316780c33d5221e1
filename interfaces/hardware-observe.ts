import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "hardware-observe",
  summary: "allows reading, but not changing, information about the system's hardware",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Read-only throughout: sysfs device attributes, the bus databases tools
    // like lspci and lsusb use, firmware tables and udev's view of devices.
    apparmor: `
/sys/bus/ r,
/sys/bus/** r,
/sys/class/ r,
/sys/class/** r,
/sys/devices/ r,
/sys/devices/** r,
/sys/firmware/dmi/tables/{smbios_entry_point,DMI} r,
/sys/firmware/acpi/tables/ r,
/sys/module/ r,
/sys/kernel/mm/transparent_hugepage/{enabled,defrag} r,
@{PROC}/{cpuinfo,meminfo,interrupts,iomem,ioports,devices,modules,partitions,diskstats,mdstat,swaps,zoneinfo,buddyinfo,dma} r,
@{PROC}/bus/ r,
@{PROC}/bus/{input,pci,usb}/ r,
@{PROC}/bus/{input,pci,usb}/** r,
@{PROC}/sys/abi/ r,
@{PROC}/sys/abi/** r,
/run/udev/data/ r,
/run/udev/data/** r,
/usr/share/{hwdata,misc}/{pci,usb}.ids r,
/etc/udev/udev.conf r,
/dev/bus/usb/ r,
/dev/bus/usb/[0-9][0-9][0-9]/ r,
# lspci and lsusb themselves.
/{,usr/}bin/{lspci,lsusb,lscpu,lshw,lsblk,udevadm} ixr,
# Watching device events as udev announces them.
network netlink raw,
`,
    // Hearing uevents means binding the netlink socket to their group.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
`,
  },
});
