import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "dm-multipath",
  summary: "allows managing device-mapper multipath maps and talking to multipathd",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# multipath's configuration, and the WWID and alias tables it keeps
# (k: the tools lock them while updating).
/etc/multipath.conf r,
/etc/multipath/bindings rwk,
/etc/multipath/wwids rwk,

# Maps are made, changed and removed through the device-mapper control
# node, and used through their nodes and the /dev/mapper names.
/dev/mapper/control rw,
/dev/mapper/{,**} rw,
/dev/dm-[0-9]* rwk,
# bcache devices can be paths of a map (bcache0 to bcache999).
/dev/bcache[0-9]{,[0-9],[0-9][0-9]} rw,

# multipathd's command socket (multipath and multipathd -k talk to it).
unix (send, receive, connect) type=stream peer=(addr="@/org/kernel/linux/storage/multipathd"),
`,
    // The control node (kernel name device-mapper) and the mapped devices.
    udev: ['KERNEL=="device-mapper"', 'KERNEL=="dm-[0-9]*"'],
    // The device-mapper core, loaded by the system.
    kmod: { load: ["dm-mod"] },
  },
});
