import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "udisks2",
  summary: "allows managing disks and mounting file systems through UDisks2, or operating as UDisks2",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# UDisks2's objects and methods on the system bus, and the media it mounts.
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send, receive) bus=system path=/org/freedesktop/UDisks2{,/**} peer=(label=${ctx.slotLabel}),
/run/media/ r,
/media/ r,
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serve the client's requests and send it signals.
dbus (send, receive) bus=system path=/org/freedesktop/UDisks2{,/**} peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    // A disk manager formats, partitions and mounts any block device: it is
    // root-equivalent on purpose, so these rules are deliberately broad.
    apparmor: `
capability sys_admin,
capability sys_rawio,
capability dac_override,
capability chown,
capability fowner,
capability fsetid,
/dev/ r,
/dev/{sd,hd,vd,xvd,sr}* rw,
/dev/mmcblk[0-9]* rw,
/dev/nvme[0-9]* rw,
/dev/loop[0-9]* rw,
/dev/loop-control rw,
/dev/dm-[0-9]* rw,
/dev/mapper/ r,
/dev/mapper/* rw,
/dev/disk/ r,
/dev/disk/** r,
/sys/class/block/ r,
/sys/devices/** r,
/sys/block/ r,
/run/udev/data/b[0-9]*:[0-9]* r,
/etc/fstab r,
/etc/crypttab r,
/etc/udisks2/ r,
/etc/udisks2/** r,
/var/lib/udisks2/ rw,
/var/lib/udisks2/** rw,
/run/udisks2/ rw,
/run/udisks2/** rw,
/run/media/ rw,
/run/media/** rw,
/media/ rw,
/media/** rw,
@{PROC}/[0-9]*/mountinfo r,
@{PROC}/swaps r,
mount -> /{,run/}media/**,
umount /{,run/}media/**,
/{,usr/}{,s}bin/{mount,umount,mkfs,mkfs.*,fsck,fsck.*,blkid,wipefs,parted,sfdisk,mkswap,resize2fs,e2label} ixr,
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID} peer=(name=org.freedesktop.DBus),
dbus (bind) bus=system name=org.freedesktop.UDisks2,
dbus (send, receive) bus=system path=/org/freedesktop/UDisks2{,/**} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.PolicyKit1.Authority member=CheckAuthorization peer=(label=unconfined),
`,
    seccomp: `
mount
umount2
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
# Hearing uevents means binding the netlink socket to their group.
bind
`,
    udev: ['SUBSYSTEM=="block"'],
  },
});
