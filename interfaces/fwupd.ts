import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";
import { NAMESERVICE, RESOLVED, SSL_CERTS } from "./network.js";

const UNIT = "/org/freedesktop/systemd1/unit/snap_2dfwupd_2dfwupd_2dservice";

export default defineInterface({
  name: "fwupd",
  summary: "allows operating as the fwupd firmware update service, or using it",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": true,
    },
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const peer = ctx.slotIsSystem ? "unconfined" : ctx.slotLabel;
      return `
# Downloading firmware metadata and updates: name resolution and certificates.
${NAMESERVICE}
${SSL_CERTS}
/run/systemd/resolve/stub-resolv.conf r,
${RESOLVED}
# fwupd's API and properties, and introspecting it (its object path is /,
# which on a host's unconfined daemon shows more than fwupd).
dbus (receive, send) bus=system path=/ interface=org.freedesktop.fwupd peer=(label=${peer}),
dbus (receive, send) bus=system path=/ interface=org.freedesktop.DBus.Properties peer=(label=${peer}),
dbus (send) bus=system path=/ interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${peer}),
# Which target systemd boots into, and fwupd's unit.
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member="GetDefaultTarget" peer=(label=unconfined),
dbus (send) bus=system interface=org.freedesktop.DBus.Properties path=/org/freedesktop/systemd1 member=Get{,All} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member=GetUnit peer=(label=unconfined),
owner @{PROC}/@{pid}/mountinfo r,
owner @{PROC}/self/mountinfo r,
`;
    },
    // The client binds its end of sockets; the IP families are those its
    // name service rules use, which snapd's default filter allows every snap.
    seccomp: `
bind
socket AF_INET
socket AF_INET6
`,
  },
  connectedSlot: {
    apparmor: (ctx) =>
      ctx.slotIsSystem
        ? ""
        : `
# Serving the connected client: fwupd's interface and the standard ones, on
# the root object and fwupd's objects.
dbus (receive, send) bus=system path=/ interface=org.freedesktop.DBus.** peer=(label=${ctx.plugLabel}),
dbus (receive, send) bus=system path=/org/freedesktop/fwupd{,/**} interface=org.freedesktop.DBus.** peer=(label=${ctx.plugLabel}),
dbus (receive, send) bus=system path=/ interface=org.freedesktop.fwupd peer=(label=${ctx.plugLabel}),
dbus (receive, send) bus=system path=/org/freedesktop/fwupd{,/**} interface=org.freedesktop.fwupd peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    // snapd also binds the host's /boot into the service's mount namespace
    // read-write, and lets it read the host's os-release through hostfs;
    // Plugboard runs the service on the host's root, where both are in
    // place (how writable /boot is, is the launcher's business). What snapd
    // adds for a classic system (fwupd's EFI binaries, fw/ and capsules under
    // /boot/efi) repeats rules below, so the slot is the same in both modes.
    apparmor: `
# Operating as fwupd. EFI variables (with their immutable flag), NVMe admin
# commands, Ethernet controllers' firmware (SIOCETHTOOL), SG_IO and eMMC
# commands, and reading what it flashes.
capability sys_admin,
capability linux_immutable,
capability net_admin,
capability sys_rawio,
capability sys_nice,
capability dac_read_search,
capability dac_override,
# udev events and records.
network netlink raw,
/run/udev/data/* r,
# The EFI system resource table, EFI variables, the firmware's platform size,
# the machine's maker and model.
/sys/firmware/efi/esrt/entries/ r,
/sys/firmware/efi/esrt/entries/** r,
/sys/devices/virtual/dmi/id/product_name r,
/sys/devices/virtual/dmi/id/sys_vendor r,
/sys/firmware/efi/efivars/ r,
/sys/firmware/efi/efivars/** rw,
/sys/firmware/efi/ r,
/sys/firmware/efi/fw_platform_size r,
# Host security attributes it reports.
/proc/modules r,
/proc/swaps r,
/proc/sys/kernel/tainted r,
/sys/kernel/security/tpm*/binary_bios_measurements r,
/sys/kernel/security/lockdown r,
/sys/power/mem_sleep r,
/run/mount/utab r,
# The devices its plugins update: TPMs, CPU MSRs, Intel ME, NVMe, GPIO, DP
# AUX, Dell SMBIOS, MTD flash, USB devices and cameras (read), I2C, IPMI,
# modems, eMMC boot partitions.
/dev/tpm* rw,
/dev/tpmrm* rw,
/dev/cpu/*/msr rw,
/dev/mei[0-9]* rw,
/dev/nvme[0-9]* rw,
/dev/gpiochip[0-9]* rw,
/dev/drm_dp_aux[0-9]* rw,
/dev/wmi/dell-smbios rw,
/dev/mtd[0-9]* rw,
/dev/bus/usb/[0-9][0-9][0-9]/[0-9][0-9][0-9] r,
/dev/video[0-9]* r,
/dev/i2c-[0-9]* rw,
/dev/ipmi* rwk,
/dev/tty[^0-9]* rw,
/dev/cdc-* rw,
/dev/wwan[0-9]* rw,
/dev/mmcblk[0-9]{,[0-9],[0-9][0-9]}boot[0-9]* rwk,
/sys/devices/**/mmcblk[0-9]{,[0-9],[0-9][0-9]}boot[0-9]*/force_ro rw,
# The EFI system partition: reading it, and writing fwupd's own EFI binary,
# capsules and the vendors' recovery and update directories.
/boot/efi/{,**/} r,
/boot/efi/EFI/*/fwupd*.efi* rw,
/boot/efi/EFI/{,**} r,
/boot/efi/EFI/*/ rw,
/boot/efi/EFI/*/fw/ rw,
/boot/efi/EFI/*/fw/** rw,
/boot/efi/EFI/dell/bios/recovery/ rw,
/boot/efi/EFI/dell/bios/recovery/** rw,
/boot/efi/EFI/fwupd/ rw,
/boot/efi/EFI/fwupd/** rw,
/boot/efi/EFI/UpdateCapsule/ rw,
/boot/efi/EFI/UpdateCapsule/** rw,
# Partition ids and sizes (efivar), and udev's records of block devices.
/sys/devices/{pci*,platform}/**/block/**/partition r,
/run/udev/data/b[0-9]*:[0-9]* r,
# Display, AMD GPU, Thunderbolt and Intel CVS plugins.
/sys/devices/**/drm r,
/sys/devices/**/drm/** r,
/sys/devices/**/psp_vbflash rw,
/sys/devices/**/psp_vbflash_status r,
/sys/devices/**/nvm_non_active*/nvmem a,
/sys/devices/**/nvm_active*/nvmem r,
/sys/devices/**/cvs_ctrl_data_fwupd r,
/sys/devices/**/cvs_ctrl_data_pre rw,
# Telling the system a reboot is needed (written atomically).
/run/reboot-required* rw,
# Its name on the system bus; who is calling; stopping its own unit (as
# fwupdtool does) and watching its jobs; inhibiting shutdown and rebooting.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Request,Release}Name peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetConnectionUnixUser peer=(label=unconfined),
dbus (bind) bus=system name="org.freedesktop.fwupd",
dbus (send) bus=system interface=org.freedesktop.DBus.Properties path=/org/freedesktop/systemd1 member=Get{,All} peer=(label=unconfined),
dbus (send) bus=system interface=org.freedesktop.DBus.Properties path=${UNIT} member=GetAll peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member=GetUnit peer=(label=unconfined),
dbus (send) bus=system interface=org.freedesktop.systemd1.Unit path=${UNIT} member=Stop peer=(label=unconfined),
dbus (receive) bus=system path=${UNIT} interface=org.freedesktop.DBus.Properties member="PropertiesChanged" peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member="Job{New,Removed}" peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={Inhibit,Reboot} peer=(label=unconfined),
`,
    // Binding its sockets, and hearing udev events.
    seccomp: `
bind
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    udev: [
      'KERNEL=="drm_dp_aux[0-9]*"',
      'KERNEL=="gpiochip[0-9]*"',
      'KERNEL=="i2c-[0-9]*"',
      'KERNEL=="ipmi[0-9]*"',
      'KERNEL=="mei[0-9]*"',
      'KERNEL=="mtd[0-9]*"',
      'KERNEL=="nvme[0-9]*"',
      'KERNEL=="tpm[0-9]*"',
      'KERNEL=="tpmrm[0-9]*"',
      'KERNEL=="video[0-9]*"',
      'KERNEL=="wmi/dell-smbios"',
      'SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device"',
      'SUBSYSTEM=="wwan", ENV{DEVTYPE}=="wwan_port"',
    ],
  },
});
