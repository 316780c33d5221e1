import { defineInterface, onlyKnownAttrs, optionalBool } from "../src/iface/index.js";

export default defineInterface({
  name: "optical-drive",
  summary: "allows reading optical drives, and writing them when the plug asks for write",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["core"] },
      // Reading auto-connects; burning discs (write: true) needs a snap declaration.
      "deny-auto-connection": { "plug-attributes": { write: true } },
      "deny-connection": { "plug-attributes": { write: true } },
    },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["write"]);
    optionalBool(plug.attrs, "write");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => `
# SCSI CD/DVD/BD drives (block major 11) and the drive capability table.
/dev/sr[0-9]* r,
/dev/scd[0-9]* r,
@{PROC}/sys/dev/cdrom/info r,
/run/udev/data/b11:[0-9]* r,
${ctx.plug.attrs["write"] === true ? "# write: true — burning discs.\n/dev/sr[0-9]* w,\n/dev/scd[0-9]* w," : ""}
`,
    udev: ['SUBSYSTEM=="block", KERNEL=="sr[0-9]*"', 'SUBSYSTEM=="block", KERNEL=="scd[0-9]*"'],
  },
  examples: { plug: { write: true } },
});
