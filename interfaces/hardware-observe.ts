import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "hardware-observe",
  summary: "allows reading, but not changing, information about the system's hardware",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // What lspci, lsusb, lscpu, lshw, hwinfo, sensors, udevadm and
    // systemd-detect-virt read. lscpu and lspci's direct configuration
    // access need sys_rawio (and iopl); lspci needs sys_admin for the
    // extended configuration space. This can show sensitive details.
    apparmor: `
capability sys_rawio,
@{PROC}/modules r,
capability sys_admin,
/etc/modprobe.d/{,*} r,
/{,usr/}lib/modprobe.d/{,*} r,
/proc/bus/input/devices r,
# Hardware in sysfs and procfs (lspci's sysfs and proc access methods).
/sys/{block,bus,class,devices,firmware}/{,**} r,
@{PROC}/bus/pci/{,**} r,
# Power supplies, interrupts, libsensors' configuration.
/sys/power/{,**} r,
/run/udev/data/+power_supply:* r,
@{PROC}/interrupts r,
/etc/sensors3.conf r,
/etc/sensors.d/{,*} r,
# udevadm: udev's records and events.
/run/udev/data/** r,
network netlink raw,
# util-linux's lsblk, lscpu and lsmem, and lsusb with its id database.
/{,usr/}bin/lsblk ixr,
/{,usr/}bin/lscpu ixr,
/{,usr/}bin/lsmem ixr,
/{,usr/}bin/lsusb ixr,
/var/lib/usbutils/usb.ids r,
/dev/ r,
/dev/bus/usb/{,**/} r,
/etc/udev/udev.conf r,
# lshw.
@{PROC}/devices r,
@{PROC}/ide/{,**} r,
@{PROC}/scsi/{,**} r,
@{PROC}/device-tree/{,**} r,
/sys/kernel/debug/usb/devices r,
@{PROC}/sys/abi/{,*} r,
# hwinfo.
@{PROC}/ioports r,
@{PROC}/dma r,
@{PROC}/tty/driver/{,*} r,
@{PROC}/sys/dev/cdrom/info r,
# Whether KSM, huge pages and transparent huge pages are on (not the pages).
/sys/kernel/mm/{ksm,hugepages,transparent_hugepage}/{,**} r,
# systemd-detect-virt: CPU, hypervisor and container hints, and the first
# line of init's scheduler statistics (which shows whether it is pid 1 of
# a VM).
/{,usr/}bin/systemd-detect-virt ixr,
@{PROC}/cpuinfo r,
@{PROC}/sysinfo r,
@{PROC}/xen/capabilities r,
/sys/hypervisor/properties/features r,
/sys/hypervisor/type r,
/run/systemd/container r,
@{PROC}/1/sched r,
`,
    // snapd also allows riscv_hwprobe; the libseccomp Plugboard builds with
    // (2.5) does not know that call, so a rule naming it would not compile.
    seccomp: `
# lspci's direct I/O port access.
iopl
# Multicast statistics, and kernel uevents (bound to their group).
socket AF_NETLINK - NETLINK_GENERIC
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
`,
  },
});
