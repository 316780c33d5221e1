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
    // Super-privileged: setting up a mapping needs the device-mapper control
    // node and the disks underneath, which is raw storage access.
    apparmor: `
# The device-mapper control node and the mapped volumes it creates.
/dev/mapper/ r,
/dev/mapper/control rw,
/dev/mapper/* rw,
/dev/dm-[0-9]* rwk,
/sys/devices/virtual/block/dm-[0-9]*/ r,
/sys/devices/virtual/block/dm-[0-9]*/** r,
/run/udev/data/b253:[0-9]* r,
# The volumes being encrypted or opened, and the LUKS lock directory.
/dev/sd{,[a-h]}[a-z]{,[0-9]*} rwk,
/dev/vd[a-z]{,[0-9]*} rwk,
/dev/mmcblk[0-9]*{,p[0-9]*} rwk,
/dev/nvme[0-9]*n[0-9]*{,p[0-9]*} rwk,
/dev/loop[0-9]* rwk,
/run/cryptsetup/ rw,
/run/cryptsetup/* rwk,
/sys/block/ r,
/sys/devices/**/block/** r,
@{PROC}/partitions r,
capability sys_admin,
capability ipc_lock,
# cryptsetup asks the kernel crypto API (AF_ALG) to test ciphers.
network alg seqpacket,
# It waits for udev through a System V semaphore cookie.
`,
    seccomp: `
socket AF_ALG
semget
semop
semctl
semtimedop
`,
    udev: ['KERNEL=="device-mapper"', 'KERNEL=="dm-[0-9]*"'],
  },
});
