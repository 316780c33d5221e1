import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "system-source-code",
  summary: "allows reading the host's /usr/src, such as kernel headers for building modules",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Source trees and kernel headers installed on the host (read only).
/usr/src/{,**} r,
`,
  },
});
