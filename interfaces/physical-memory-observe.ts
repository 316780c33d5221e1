import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "physical-memory-observe",
  summary: "allows reading physical memory through /dev/mem",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Read-only /dev/mem; opening it at all needs CAP_SYS_RAWIO.
/dev/mem r,
capability sys_rawio,
`,
    udev: ['KERNEL=="mem"'],
  },
});
