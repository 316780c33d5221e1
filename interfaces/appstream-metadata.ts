import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "appstream-metadata",
  summary: "allows reading the host's AppStream metadata (what software is installed and available)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // snapd binds each of these host directories into the snap's own root
    // (its base replaces the host's /usr and /var). Plugboard's sandbox shows
    // the host's /usr and /var already, so the rules alone are enough and no
    // mount entries are needed.
    apparmor: `
# Upstream metadata (metainfo files shipped with each application).
/usr/share/metainfo/{,**} r,
/usr/share/appdata/{,**} r,
# Collection metadata the distribution and package managers provide.
/usr/share/{app-info,swcatalog}/** r,
/var/cache/{app-info,swcatalog}/** r,
/var/lib/{app-info,swcatalog}/** r,
# apt keeps the DEP-11 files in its lists and links them from there.
/var/lib/apt/lists/*.yml.gz r,
`,
  },
});
