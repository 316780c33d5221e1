import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "physical-memory-control",
  summary: "allows reading and writing physical memory through /dev/mem",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# /dev/mem maps physical addresses; opening it needs CAP_SYS_RAWIO.
/dev/mem rw,
capability sys_rawio,
`,
    udev: ['KERNEL=="mem"'],
  },
});
