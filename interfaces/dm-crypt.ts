import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "dm-crypt",
  summary: "allows creating, opening and closing encrypted volumes with device-mapper",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The device-mapper control node and the mapped volumes, and cryptsetup.
/dev/mapper/control rw,
/dev/dm-[0-9]* rwk,
/{,usr/}sbin/cryptsetup ixr,
# Mounting opened volumes under /media or /run/media (per user, so the
# seats are read), with mount and umount and libmount's utab.
/run/systemd/seats/* r,
/{,run/}media/{,**} rw,
mount options=(ro,nosuid,nodev) /dev/dm-[0-9]* -> /{,run/}media/**,
mount options=(rw,nosuid,nodev) /dev/dm-[0-9]* -> /{,run/}media/**,
/{,usr/}bin/mount ixr,
/{,usr/}bin/umount ixr,
/{,var/}run/mount/utab* wrlk,
# cryptsetup's lock directory.
/{,var/}run/cryptsetup/ rw,
/{,var/}run/cryptsetup/* rwk,
/{,var/}run/ r,
`,
    // Volume keys go through the kernel keyring. The System V semaphores are
    // not in snapd's dm-crypt: snapd's default filter allows them to every
    // snap, Plugboard's does not, and libdevmapper waits for udev with one.
    seccomp: `
add_key
keyctl
request_key
semget
semop
semctl
semtimedop
`,
    udev: ['KERNEL=="device-mapper"', 'KERNEL=="dm-[0-9]"', 'SUBSYSTEM=="block"'],
    // The dm-crypt target, where the kernel has it as a module.
    kmod: { load: ["dm_crypt"] },
  },
});
