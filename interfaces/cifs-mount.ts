import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "cifs-mount",
  summary: "allows mounting CIFS (SMB) shares onto the snap's own data directories",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Shares are named //SERVER/SHARE; they may be mounted only inside the
    // snap's writable data ($SNAP_DATA and $SNAP_COMMON). snapd also lists
    // the parallel-install instance name, which is the snap name here.
    // AppArmor does not check the type of what is unmounted, so the umount
    // rules cover any mount there (such as a content interface's bind mount).
    apparmor: `
capability sys_admin,
mount fstype=cifs //** -> /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},
mount fstype=cifs //** -> /var/snap/@{SNAP_NAME}/common/{,**},
umount /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},
umount /var/snap/@{SNAP_NAME}/common/{,**},
`,
    seccomp: `
mount
umount
umount2
`,
  },
});
