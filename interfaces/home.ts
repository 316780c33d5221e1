import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";

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
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["read"]);
    const read = plug.attrs["read"];
    if (read !== undefined && read !== "all") {
      throw new AttributeProblem(`read must be "all" when given, not ${JSON.stringify(read)}`);
    }
    return plug.attrs;
  },
  connectedPlug: {
    // Non-hidden files only: dot-files hold credentials and shell start-up files.
    apparmor: (ctx) => `
owner @{HOME}/ r,
owner @{HOME}/[^.]* rwkl,
owner @{HOME}/[^.]*/ rw,
owner @{HOME}/[^.]*/** rwkl,
${ctx.plug.attrs["read"] === "all" ? "# read: all — every user's non-hidden files, read-only.\n/home/ r,\n/home/*/ r,\n/home/*/[^.]* r,\n/home/*/[^.]*/** r," : ""}
`,
  },
  examples: { plug: { read: "all" } },
});
