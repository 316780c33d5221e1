import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "kernel-firmware-control",
  summary: "allows setting the extra directory the kernel searches for firmware",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The kernel loads firmware from this directory before its built-in
    // ones, so whoever sets it chooses what runs on devices.
    apparmor: `
/sys/module/firmware_class/parameters/path rw,
`,
  },
});
