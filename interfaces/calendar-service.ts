import { defineInterface } from "../src/iface/index.js";
import { hostEdsClientRules } from "./pim-service-rules.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "calendar-service",
  summary: "allows reading and editing the calendars of the desktop's Evolution Data Server",
  // The host's EDS provides it (snapd makes an exception only for Ubuntu 14.04).
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
${SESSION_BUS_STRICT}
${hostEdsClientRules("Calendar", ["CalendarView"])}
`,
  },
});
