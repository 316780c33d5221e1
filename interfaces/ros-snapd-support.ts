import { defineInterface } from "../src/iface/index.js";

// A marker for the ros-snapd agent: snapd lets a snap with this connection
// list, start, stop and restart snaps' apps through its API and follow the
// resulting changes. The interface adds no confinement rules; Plugboard has
// no such API, so the connection only records the permission.

export default defineInterface({
  name: "ros-snapd-support",
  summary: "allows the ros-snapd agent to control snaps' apps through snapd's API",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
});
