import { DS, unity8PimInterface } from "./pim-service-rules.js";

// The calendar objects of EDS, and the sync monitor that keeps them in step
// with online accounts (clients still reach it directly; see LP #1319546).
const objects = (label: string, access: string) => `dbus (${access}) bus=session path=${DS}/CalendarFactory peer=(label=${label}),
dbus (${access}) bus=session path=${DS}/CalendarView/** peer=(label=${label}),
dbus (${access}) bus=session path=${DS}/Subprocess/** interface=org.gnome.evolution.dataserver.Calendar peer=(label=${label}),
dbus (${access}) bus=session path=${DS}/Subprocess/Backend/Calendar/** peer=(label=${label}),
dbus (${access}) bus=session path=/com/canonical/SyncMonitor peer=(label=${label}),
`;

export default unity8PimInterface({
  name: "unity8-calendar",
  summary: "allows running the Unity 8 calendar service (EDS) or using a snap that runs it",
  permanentSlot: `
# The calendar factory's and backends' names, and the sync monitor's.
dbus (bind) bus=session name=org.gnome.evolution.dataserver.Calendar7,
dbus (bind) bus=session name=org.gnome.evolution.dataserver.Subprocess.Backend.Calendar*,
dbus (bind) bus=session name=com.canonical.SyncMonitor,
# Host programs outside confinement may use the calendars too.
${objects("unconfined", "receive")}`,
  connectedSlot: (plugLabel) => `# Serve the client's calendars, views and sync requests.\n${objects(plugLabel, "receive, send")}`,
  connectedPlug: (slotLabel) => `# The service's calendars, views and sync monitor.\n${objects(slotLabel, "receive, send")}`,
});
