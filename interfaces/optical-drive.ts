import { defineInterface, optionalBool } from "../src/iface/index.js";

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
    // As in snapd, only "write" is checked (it must be a boolean); other
    // attributes are ignored.
    optionalBool(plug.attrs, "write");
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => `
# SCSI CD/DVD/BD drives (block major 11) and the drive capability table.
/dev/sr[0-9]* r,
/dev/scd[0-9]* r,
# Every SCSI generic node is named; the udev tags below pick out the optical
# drives among them (peripheral types 4, write-once, and 5, CD/DVD).
/dev/sg[0-9]* r,
@{PROC}/sys/dev/cdrom/info r,
/run/udev/data/b11:[0-9]* r,
${ctx.plug.attrs["write"] === true ? "# write: true — burning discs.\n/dev/sr[0-9]* w,\n/dev/scd[0-9]* w,\n/dev/sg[0-9]* w," : ""}
`,
    // snapd writes the type match as "4|5"; "[45]" is the same set in a
    // form udev matches here may contain.
    udev: ['KERNEL=="sr[0-9]*"', 'KERNEL=="scd[0-9]*"', 'SUBSYSTEM=="scsi_generic", SUBSYSTEMS=="scsi", ATTRS{type}=="[45]"'],
  },
  examples: { plug: { write: true } },
});
