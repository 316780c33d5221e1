import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "apparmor-observe",
  summary: "allows asking the kernel what AppArmor would allow a given label to do",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# AppArmor's query file: a question is written to it and the kernel's answer
# is read back from the same open file, hence rw; nothing else in securityfs.
/sys/kernel/security/apparmor/.access rw,
`,
  },
});
