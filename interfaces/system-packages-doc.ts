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
# Package documentation, manual and info pages and help files, read-only
# (and the JavaScript libraries HTML documentation links to). snapd bind
# mounts these from the host into the snap's namespace; apps here see the
# host's directories already.
/usr/{,local/}share/doc/{,**} r,
/usr/share/cups/doc-root/{,**} r,
/usr/share/gimp/2.0/help/{,**} r,
/usr/share/gtk-doc/{,**} r,
/usr/share/javascript/** r,
/usr/share/libreoffice/help/{,**} r,
/usr/share/sphinx_rtd_theme/{,**} r,
/usr/share/xubuntu-docs/{,**} r,
/usr/share/man/{,**} r,
/usr/share/help/{,**} r,
/usr/share/info/{,**} r,
`,
  },
});
