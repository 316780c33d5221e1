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
# Read-only /dev/mem (on kernels with STRICT_DEVMEM, only the regions the
# architecture exposes). No sys_rawio, as in snapd: where the kernel asks for
# it, the open is refused.
/dev/mem r,
# Which physical page backs each virtual page, for any process.
@{PROC}/@{pids}/pagemap r,
`,
    udev: ['KERNEL=="mem"'],
  },
});
