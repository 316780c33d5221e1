import { DS, unity8PimInterface } from "./pim-service-rules.js";

// The address-book objects of EDS and of Canonical's PIM service.
const objects = (label: string, access: string) => `dbus (${access}) bus=session path=${DS}/AddressBookFactory peer=(label=${label}),
dbus (${access}) bus=session path=${DS}/AddressBookView/** peer=(label=${label}),
dbus (${access}) bus=session path=${DS}/Subprocess/** interface=org.gnome.evolution.dataserver.AddressBook peer=(label=${label}),
dbus (${access}) bus=session path=${DS}/Subprocess/Backend/AddressBookView/** peer=(label=${label}),
dbus (${access}) bus=session path=/com/canonical/pim/AddressBook peer=(label=${label}),
dbus (${access}) bus=session path=/com/canonical/pim/AddressBookView peer=(label=${label}),
`;

// Connected clients also reach the buteo sync daemon directly (LP #1319546).
const sync = (label: string) => `dbus (receive, send) bus=session path=/synchronizer{,/**} peer=(label=${label}),\n`;

export default unity8PimInterface({
  name: "unity8-contacts",
  summary: "allows running the Unity 8 contacts service (EDS) or using a snap that runs it",
  permanentSlot: `
# The address-book factory's and backends' names, Canonical's PIM service
# and the buteo sync daemon.
dbus (bind) bus=session name=org.gnome.evolution.dataserver.AddressBook9,
dbus (bind) bus=session name=org.gnome.evolution.dataserver.Subprocess.Backend.AddressBook*,
dbus (bind) bus=session name=com.canonical.pim,
dbus (bind) bus=session name=com.meego.msyncd,
# Host programs outside confinement may use the address books, and send
# the service anything on the session bus.
${objects("unconfined", "receive")}dbus (receive) bus=session peer=(label=unconfined),
`,
  connectedSlot: (plugLabel) => `# Serve the client's address books, views and sync requests.\n${objects(plugLabel, "receive, send")}${sync(plugLabel)}`,
  connectedPlug: (slotLabel) => `# The service's address books, views and sync daemon.\n${objects(slotLabel, "receive, send")}${sync(slotLabel)}`,
});
