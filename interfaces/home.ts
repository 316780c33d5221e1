import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";

// Everything in the home directory but hidden files and directories (which
// hold credentials and shell start-up files) and ~/snap (other snaps' data),
// spelled as globs that exclude those names letter by letter; and the few
// names those globs miss (s, sn, sna).
const VISIBLE = ["@{HOME}/[^s.]**", "@{HOME}/s[^n]**", "@{HOME}/sn[^a]**", "@{HOME}/sna[^p]**", "@{HOME}/snap[^/]**", "@{HOME}/{s,sn,sna}{,/}"];

export default defineInterface({
  name: "home",
  summary: "allows access to non-hidden files in the home directory",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["core"] },
      // Auto-connects on classic only, and never when the plug asks to read all users' homes.
      "deny-auto-connection": [{ "on-classic": false }, { "plug-attributes": { read: "all" } }],
      "deny-connection": { "plug-attributes": { read: "all" } },
    },
  },
  // Stricter than snapd in one way: attributes other than read are refused
  // (interfaces/all.test.ts pins that).
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["read"]);
    const read = plug.attrs["read"];
    if (read !== undefined && read !== "all") {
      throw new AttributeProblem(`read must be "all" when given, not ${JSON.stringify(read)}`);
    }
    return plug.attrs;
  },
  connectedPlug: {
    // The user's own files. snapd also lets them be run in the snap's
    // profile (ix), except when docker-support is connected too, whose
    // change_profile rules conflict with ix on the same paths. A snippet here
    // does not see the snap's other connections, so ix is left out always:
    // with it, a snap connected to both would get a profile apparmor_parser
    // refuses. ~/snap itself is listed so paths from the snap's own data can walk up
    // to the home directory; that shows which snaps the user has.
    apparmor: (ctx) => `
owner @{HOME}/ r,
${VISIBLE.map((g) => `owner ${g} rwkl,`).join("\n")}
owner @{HOME}/snap/ r,
# gvfs mounts (hidden files too): files may be written, not the mount points.
owner /run/user/[0-9]*/gvfs/{,**} r,
owner /run/user/[0-9]*/gvfs/*/** w,
# ~/bin is on the PATH of several distributions: never written.
audit deny @{HOME}/bin/{,**} wl,
audit deny @{HOME}/bin wl,
${
  ctx.plug.attrs["read"] === "all"
    ? `# read: all: every user's non-hidden files, read-only, whoever owns them.
capability dac_read_search,
@{HOME}/ r,
${VISIBLE.map((g) => `${g} r,`).join("\n")}`
    : ""
}
`,
  },
  examples: { plug: { read: "all" } },
});
