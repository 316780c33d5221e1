import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "remoteproc",
  summary: "allows loading firmware into, starting and stopping the remote processors of a SoC",
  implicitOn: { core: true, classic: true },
  // Whatever firmware is loaded runs on a core beside the CPU with its own
  // view of memory: only snaps granted it by a store declaration may plug this.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Only processors remoteproc0 to remoteproc9, as in snapd.
    apparmor: `
# Per remote processor: which firmware file to boot, starting and stopping
# it, its name, and what to do (and collect) when it crashes.
/sys/devices/platform/**/remoteproc/remoteproc[0-9]/firmware rw,
/sys/devices/platform/**/remoteproc/remoteproc[0-9]/state rw,
/sys/devices/platform/**/remoteproc/remoteproc[0-9]/name r,
/sys/devices/platform/**/remoteproc/remoteproc[0-9]/coredump rw,
/sys/devices/platform/**/remoteproc/remoteproc[0-9]/recovery rw,
`,
  },
});
