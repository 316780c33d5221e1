import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "system-packages-doc",
  summary: "allows reading the documentation that the host's packages install",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Package documentation directories, read-only.
/usr/share/doc/ r,
/usr/share/doc/** r,
/usr/local/share/doc/ r,
/usr/local/share/doc/** r,
/usr/share/cups/doc-root/ r,
/usr/share/cups/doc-root/** r,
/usr/share/gtk-doc/ r,
/usr/share/gtk-doc/** r,
/usr/share/javascript/** r,
/usr/share/libreoffice/help/ r,
/usr/share/libreoffice/help/** r,
`,
  },
});
