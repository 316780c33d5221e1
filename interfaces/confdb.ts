import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import type { AttrMap, PlugInfo } from "../src/snap/index.js";

// An account id: a 32-character store id, or a short lowercase account name.
const ACCOUNT_ID = /^(?:[a-zA-Z0-9]{32}|[-a-z0-9]{2,28})$/;
// A confdb schema or view name: lowercase words joined by single hyphens.
const CONFDB_NAME = /^[a-z](?:-?[a-z0-9])*$/;

/** The account, view and role a confdb plug names, checked as snapd checks them. */
function checkConfdbPlug(plug: PlugInfo): void {
  const account = plug.attrs["account"];
  if (typeof account !== "string" || account === "") throw new AttributeProblem(`account must be set to the id of the account that owns the confdb schema, not ${JSON.stringify(account ?? null)}`);
  if (!ACCOUNT_ID.test(account)) throw new AttributeProblem(`account ${JSON.stringify(account)} is not an account id (32 letters and digits, or 2 to 28 lowercase letters, digits and hyphens)`);

  const view = plug.attrs["view"];
  if (typeof view !== "string" || view === "") throw new AttributeProblem(`view must be set to CONFDB/VIEW, not ${JSON.stringify(view ?? null)}`);
  const parts = view.split("/");
  if (parts.length !== 2) throw new AttributeProblem(`view ${JSON.stringify(view)} must be a confdb name and a view name separated by a single "/"`);
  const [confdbName, viewName] = parts as [string, string];
  if (!CONFDB_NAME.test(confdbName)) throw new AttributeProblem(`view ${JSON.stringify(view)}: the confdb name ${JSON.stringify(confdbName)} is not lowercase words joined by single hyphens`);
  if (!CONFDB_NAME.test(viewName)) throw new AttributeProblem(`view ${JSON.stringify(view)}: the view name ${JSON.stringify(viewName)} is not lowercase words joined by single hyphens`);

  // Without a role a snap reads, writes and hears about changes; a custodian
  // also vets, refuses and stores the changes others make. snapd looks at
  // role only when it is a string, so other types pass unremarked, as there.
  const role = plug.attrs["role"];
  if (typeof role === "string") {
    if (role !== "custodian") throw new AttributeProblem(`role ${JSON.stringify(role)} is not "custodian", the only role there is`);
    if (account === "system") throw new AttributeProblem('role "custodian" is not available for the "system" account\'s confdb schemas');
  }
}

export default defineInterface({
  name: "confdb",
  summary: "allows reading and writing a confdb through one of its views, or vetting its changes as custodian",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    // Auto-connects when the schema's account is the snap's own publisher.
    plugs: { "allow-auto-connection": { "plug-attributes": { account: "$PLUG_PUBLISHER_ID" } } },
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  // Other attributes are not refused, as in snapd; none of them reaches a rule.
  sanitizePlug: (plug): AttrMap => {
    checkConfdbPlug(plug);
    return plug.attrs;
  },
  connectedPlug: {
    // The view is read and written with snapctl, whose requests the daemon
    // checks against this plug. snapd's profiles reach its snap socket from
    // every snap; Plugboard's grant no daemon socket by default.
    apparmor: `
# The daemon's API sockets, which snapctl talks to.
/run/snapd.socket rw,
/run/plugboard.socket rw,
`,
  },
  examples: { plug: { account: "acme-corp", view: "network-config/wifi-setup", role: "custodian" } },
});
