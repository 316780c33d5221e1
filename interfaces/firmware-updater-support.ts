import { defineInterface } from "../src/iface/index.js";

// A marker for the Firmware Updater app: snapd lets a snap with this
// connection ask its API whether a disk-encryption recovery key is valid, so
// a user can check theirs before an update that may ask for it at the next
// boot. The interface adds no confinement rules; Plugboard has no such API,
// so the connection only records the permission.

export default defineInterface({
  name: "firmware-updater-support",
  summary: "allows operating as the Firmware Updater application",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
});
