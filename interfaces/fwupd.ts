import { defineInterface } from "../src/iface/index.js";

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
    apparmor: (ctx) => `
# Ask fwupd for devices, releases and updates, and hear its signals.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send, receive) bus=system path=/ interface=org.freedesktop.fwupd peer=(label=${ctx.slotLabel}),
dbus (send, receive) bus=system path=/ interface=org.freedesktop.DBus.Properties peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/ interface=org.freedesktop.fwupd peer=(name=org.freedesktop.fwupd),
`,
    // Clients (fwupdmgr, libfwupd) bind their end of a socket.
    seccomp: `
bind
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the connected snap's requests.
dbus (send, receive) bus=system path={/,/org/freedesktop/fwupd{,/**}} interface={org.freedesktop.fwupd,org.freedesktop.DBus.Properties,org.freedesktop.DBus.Introspectable,org.freedesktop.DBus.Peer} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as fwupd: the UEFI capsule and variable stores, the ESRT table,
# firmware identity in DMI, and the org.freedesktop.fwupd name.
capability sys_admin,
capability linux_immutable,
/sys/firmware/efi/ r,
/sys/firmware/efi/fw_platform_size r,
/sys/firmware/efi/esrt/ r,
/sys/firmware/efi/esrt/** r,
/sys/firmware/efi/efivars/ r,
/sys/firmware/efi/efivars/** rw,
/sys/devices/virtual/dmi/id/ r,
/sys/devices/virtual/dmi/id/{bios_*,board_*,chassis_*,product_*,sys_vendor} r,
/boot/efi/EFI/ r,
/boot/efi/EFI/*/fw/ rw,
/boot/efi/EFI/*/fw/** rw,
/sys/devices/**/block/** r,
/run/udev/data/b[0-9]*:[0-9]* r,
# Device events from udev.
network netlink raw,
/run/dbus/system_bus_socket rw,
dbus (bind) bus=system name=org.freedesktop.fwupd,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID} peer=(name=org.freedesktop.DBus),
`,
    // Hearing uevents means binding the netlink socket to their group.
    seccomp: `
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
`,
  },
});
