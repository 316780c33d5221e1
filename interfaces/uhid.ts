import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "uhid",
  summary: "allows creating HID devices from user space through /dev/uhid",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // /dev/uhid has no device of its own in sysfs, so udev cannot tag it and
    // the device cgroup does not list it; AppArmor is what limits it.
    apparmor: `
# The UHID control node (the kernel needs CONFIG_UHID).
/dev/uhid rw,
`,
  },
});
