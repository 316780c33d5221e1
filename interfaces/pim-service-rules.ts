import { defineInterface, onClassic, type ConnectedContext } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

// Rules shared by the interfaces around the Evolution Data Server (EDS):
// unity8-calendar and unity8-contacts, where a snap runs EDS itself, and
// calendar-service and contacts-service, where the host's EDS serves the
// snap. One file so the two pairs cannot drift apart.

/** Where EDS keeps its objects on the session bus. */
export const DS = "/org/gnome/evolution/dataserver";

// ---- A snap that runs EDS (unity8-calendar, unity8-contacts) ----------------

/** What one of the unity8 PIM interfaces adds to the part they share. */
export interface Unity8PimParts {
  readonly name: string;
  readonly summary: string;
  /** Bus names the service owns and what unconfined clients on the host may call. */
  readonly permanentSlot: string;
  /** The service's side of a connection, given the client's label. */
  readonly connectedSlot: (plugLabel: string) => string;
  /** The client's side, given the service's label. */
  readonly connectedPlug: (slotLabel: string) => string;
}

/**
 * A unity8 PIM interface: a snap's EDS owns the source registry and the
 * interface's own names; connected clients reach the registry and the
 * interface's objects, and nothing else of the service. On a classic system
 * the desktop's own (unconfined) EDS may be the one answering, so the client
 * gets the same rules towards it too.
 */
export function unity8PimInterface(parts: Unity8PimParts) {
  return defineInterface({
    name: parts.name,
    summary: parts.summary,
    // The service always comes from a snap.
    implicitOn: { core: false, classic: false },
    baseDeclaration: {
      slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-auto-connection": true, "deny-connection": true },
    },
    connectedPlug: {
      apparmor: (ctx: ConnectedContext) => {
        const towards = (label: string) => `# The registry of calendar and address-book sources, and looking at the service's objects.
dbus (receive, send) bus=session path=${DS}/SourceManager{,/**} peer=(label=${label}),
dbus (send) bus=session path=/org/gnome/Evolution interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${label}),
${parts.connectedPlug(label)}`;
        return `
${SESSION_BUS_STRICT}
${towards(ctx.slotLabel)}${onClassic(ctx) ? `# The same towards the desktop's own EDS.\n${towards("unconfined")}` : ""}`;
      },
    },
    connectedSlot: {
      apparmor: (ctx: ConnectedContext) => `
# Serve the client's use of the source registry.
dbus (receive, send) bus=session path=${DS}/SourceManager{,/**} peer=(label=${ctx.plugLabel}),
${parts.connectedSlot(ctx.plugLabel)}`,
    },
    permanentSlot: {
      apparmor: `
# Operating as EDS: owning the source registry's name, announcing property
# changes to the host's session, and letting the service's own processes
# (factory, backends) talk to each other.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=session path=/org/freedesktop/* interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (receive, send) peer=(label="snap.@{SNAP_INSTANCE_NAME}.*"),
dbus (bind) bus=session name=org.gnome.evolution.dataserver.Sources5,
${parts.permanentSlot}`,
      // EDS hands its backends private connections of their own.
      seccomp: `
bind
listen
accept
accept4
`,
    },
  });
}

// ---- The host's EDS (calendar-service, contacts-service) -------------------

/**
 * A confined client of the host's (unconfined) EDS for one kind of data:
 * "Calendar" or "AddressBook". `views` are the kind's further object trees
 * (CalendarView; AddressBookCursor and AddressBookView), each with an
 * interface of the same name.
 */
export function hostEdsClientRules(kind: "Calendar" | "AddressBook", views: readonly string[]): string {
  const peer = "peer=(label=unconfined)";
  const rw = (iface: string, path: string) => `dbus (receive, send) bus=session interface=${iface} path=${path} ${peer},`;
  const introspect = (path: string) => `dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=${path} member=Introspect ${peer},`;
  const trees = [`${DS}/${kind}{,/**}`, `${DS}/${kind}Factory`, ...views.map((v) => `${DS}/${v}{,/**}`)];
  return [
    "# Listing the sources (ObjectManager) and reading their properties and those of the kind's objects.",
    rw("org.freedesktop.DBus.ObjectManager", `${DS}{,/**}`),
    ...[`${DS}/SourceManager{,/**}`, ...trees, `${DS}/Subprocess{,/**}`].map((p) => rw("org.freedesktop.DBus.Properties", p)),
    "# The kind's own methods: opening a book or calendar, its views, and editing sources.",
    rw(`org.gnome.evolution.dataserver.${kind}`, `${DS}/{Subprocess,${kind}}{,/**}`),
    rw(`org.gnome.evolution.dataserver.${kind}Factory`, `${DS}/${kind}Factory`),
    ...views.map((v) => rw(`org.gnome.evolution.dataserver.${v}`, `${DS}/${v}{,/**}`)),
    rw("org.gnome.evolution.dataserver.Source", `${DS}/SourceManager{,/**}`),
    rw("org.gnome.evolution.dataserver.Source.Removable", `${DS}/SourceManager{,/**}`),
    rw("org.gnome.evolution.dataserver.SourceManager", `${DS}/SourceManager`),
    "# Looking at the service's objects.",
    ...[...trees, `${DS}/SourceManager{,/**}`].map(introspect),
  ].join("\n");
}

