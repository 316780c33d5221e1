import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "intel-mei",
  summary: "allows talking to the Intel Management Engine through its MEI device",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Management Engine clients (AMT, firmware update, ...) are reached by
# writing to and reading from the MEI character devices.
/dev/mei[0-9]* rw,
`,
    udev: ['SUBSYSTEM=="mei"'],
  },
});
