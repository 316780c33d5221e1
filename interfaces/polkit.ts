import { AttributeProblem, defineInterface, onlyKnownAttrs, optionalString } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

// A D-Bus well-known name: two or more dot-separated elements of letters,
// digits, "_" and "-", none starting with a digit, 255 characters at most.
const BUS_NAME = /^[A-Za-z_-][A-Za-z0-9_-]*(\.[A-Za-z_-][A-Za-z0-9_-]*)+$/;
// A rules file name: dot-separated non-empty elements of letters, digits,
// "_" and "-" (not starting with "-"), at most 64 characters, then ".rules".
const RULE_FILE = /^(?=.{1,64}\.rules$)\w[\w-]*(\.\w[\w-]*)*\.rules$/;
// A SHA3-384 digest in the assertion encoding: 48 bytes, base64url without padding.
const SHA3_384 = /^[A-Za-z0-9_-]{64}$/;

function checkInstallRules(v: AttrValue): void {
  if (!Array.isArray(v) || v.length === 0) throw new AttributeProblem("install-rules must be a non-empty list of {name, sha3-384} entries");
  v.forEach((entry: AttrValue, i: number) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new AttributeProblem(`install-rules[${i}] must be a map with name and sha3-384`);
    const e = entry as AttrMap;
    try {
      onlyKnownAttrs(e, ["name", "sha3-384"]);
    } catch (err) {
      throw new AttributeProblem(`install-rules[${i}]: ${(err as Error).message}`);
    }
    const name = e["name"];
    const digest = e["sha3-384"];
    if (typeof name !== "string" || !RULE_FILE.test(name)) throw new AttributeProblem(`install-rules[${i}] name ${JSON.stringify(name)} is not a polkit rules file name (NAME.rules)`);
    if (typeof digest !== "string" || !SHA3_384.test(digest)) throw new AttributeProblem(`install-rules[${i}] sha3-384 ${JSON.stringify(digest)} is not a SHA3-384 digest (64 base64url characters)`);
  });
}

export default defineInterface({
  name: "polkit",
  summary: "allows asking polkitd for authorisation and installing the snap's polkit actions and rules",
  // On core the slot exists only when the base ships polkitd and its
  // directories are writable, which snapd decides at run time; not assumed here.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug) => {
    // Other attributes are ignored, as in snapd.
    const prefix = optionalString(plug.attrs, "action-prefix", BUS_NAME, "a D-Bus style name such as org.example.app");
    if (prefix !== undefined && prefix.length > 255) throw new AttributeProblem("action-prefix is longer than 255 characters");
    const rules = plug.attrs["install-rules"];
    if (rules !== undefined) checkInstallRules(rules);
    if (prefix === undefined && rules === undefined) throw new AttributeProblem('polkit plug must set "action-prefix" or "install-rules"');
    return plug.attrs;
  },
  // snapd also installs the plug's polkit policy files (meta/polkit/PLUG.*.policy,
  // whose action IDs must start with the prefix) and, with install-rules,
  // its rules files whose SHA3-384 digests match. Plugboard has no polkit
  // backend: only the attributes are checked here.
  connectedPlug: {
    // Only a plug with an action prefix checks authorisations itself.
    apparmor: (ctx) =>
      ctx.plug.attrs["action-prefix"] === undefined
        ? ""
        : `
# polkitd's Authority: check (or cancel checking) whether a subject may perform an action.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path="/org/freedesktop/PolicyKit1/Authority" interface="org.freedesktop.PolicyKit1.Authority" member="{,Cancel}CheckAuthorization" peer=(label=unconfined),
dbus (send) bus=system path="/org/freedesktop/PolicyKit1/Authority" interface="org.freedesktop.PolicyKit1.Authority" member="RegisterAuthenticationAgentWithOptions" peer=(label=unconfined),
dbus (send) bus=system path="/org/freedesktop/PolicyKit1/Authority" interface="org.freedesktop.DBus.Properties" peer=(label=unconfined),
dbus (send) bus=system path="/org/freedesktop/PolicyKit1/Authority" interface="org.freedesktop.DBus.Introspectable" member="Introspect" peer=(label=unconfined),
`,
  },
  examples: { plug: { "action-prefix": "org.example.app" } },
});
