import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

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
# UDisks2's objects, properties and methods on the system bus. Some calls
# cannot name the service's label because the bus may start it on demand.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/UDisks2 interface=org.freedesktop.DBus.Peer member=Ping peer=(label=${ctx.slotLabel}),
dbus (receive, send) bus=system path=/org/freedesktop/UDisks2/** interface=org.freedesktop.DBus.Properties peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UDisks2/** interface=org.freedesktop.DBus.Properties member="Get{,All}",
dbus (receive, send) bus=system path=/org/freedesktop/UDisks2 interface=org.freedesktop.DBus.ObjectManager peer=(label=${ctx.slotLabel}),
dbus (receive, send) bus=system path=/org/freedesktop/UDisks2/** interface=org.freedesktop.UDisks2.* peer=(label=${ctx.slotLabel}),
dbus (send) bus=system path=/org/freedesktop/UDisks2{,/**} interface=org.freedesktop.DBus.Introspectable member=Introspect,
`,
  },
  connectedSlot: {
    // Only for a snap that provides the service; the host's runs unconfined.
    apparmor: (ctx) =>
      ctx.slotIsSystem
        ? ""
        : `
# Serve the client's requests and send it signals.
dbus (receive, send) bus=system path=/org/freedesktop/UDisks2/** interface=org.freedesktop.DBus.Properties peer=(label=${ctx.plugLabel}),
dbus (receive, send) bus=system path=/org/freedesktop/UDisks2 interface=org.freedesktop.DBus.ObjectManager peer=(label=${ctx.plugLabel}),
dbus (receive, send) bus=system path=/org/freedesktop/UDisks2/** interface=org.freedesktop.UDisks2.* peer=(label=${ctx.plugLabel}),
dbus (receive) bus=system path=/org/freedesktop/UDisks2 interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    // A disk manager reads every disk and mounts file systems on them: it is
    // root-equivalent on purpose.
    apparmor: `
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="{Request,Release}Name" peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="GetConnectionUnix{ProcessID,User}" peer=(label=unconfined),
# logind: re-initialising devices on resume (logind may be started on demand).
dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=PrepareForSleep peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=Inhibit,
dbus (bind) bus=system name="org.freedesktop.UDisks2",
# Unconfined clients (the D-Bus policy limits what they may call).
dbus (receive, send) bus=system path=/org/freedesktop/UDisks2{,/**} interface=org.freedesktop.DBus* peer=(label=unconfined),
# Mounting and unmounting (through mount and umount, which libmount's
# utab records), scanning devices, reading raw disks for their partitions,
# and setting owners of the directories it makes under /media.
capability sys_admin,
capability sys_rawio,
capability chown,
network netlink raw,
/run/udev/data/b[0-9]*:[0-9]* r,
/sys/devices/**/block/** r,
/sys/devices/**/block/**/uevent w,
/run/systemd/seats/* r,
/{,run/}media/{,**} rw,
mount /dev/{dm-*,nvme*,vd*,hd*,sd*,mmcblk*,fd*,sr*} -> /{,run/}media/**,
umount /{,run/}media/**,
/{,usr/}bin/mount ixr,
/{,usr/}bin/umount ixr,
/run/mount/utab* wrlk,
/run/mount/utab.lock rwk,
/run/mount/utab.* rw,
/run/mount/utab rw,
/dev/{dm-*,nvme*,vd*,hd*,sd*,mmcblk*,fd*,sr*} r,
/run/ rw,
/run/cryptsetup/{,**} rwk,
/run/udisks2/{,**} rw,
/{usr/,}{sbin,bin}/dumpe2fs ixr,
/etc/crypttab r,
`,
    seccomp: `
bind
chown
chown32
fchown
fchown32
fchownat
lchown
lchown32
mount
shmctl
umount
umount2
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    // With a udev-file attribute snapd adds that file's rules (from the snap)
    // and tags nothing; otherwise it adds upstream udisks2's probing rules
    // and tags every block and USB device (AppArmor then limits which nodes).
    // Plugboard's udev snippets only tag devices, so the rules themselves are
    // not written: the tags are.
    udev: (ctx) => (ctx.endpoint.attrs["udev-file"] !== undefined ? [] : ['SUBSYSTEM=="block"', 'SUBSYSTEM=="usb"']),
  },
});
