import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "io-ports-control",
  summary: "allows raw access to x86 I/O ports, through /dev/port or ioperm/iopl",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Port I/O reaches any device on the legacy bus; CAP_SYS_RAWIO is what the
# kernel checks for both ways in.
/dev/port rw,
capability sys_rawio,
`,
    seccomp: `
ioperm
iopl
`,
    udev: ['KERNEL=="port"'],
  },
});
