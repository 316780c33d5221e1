import { AttributeProblem, defineInterface, onClassic, optionalString, type ConnectedContext, type PermanentContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap } from "../src/snap/index.js";

// A well-known bus name: two or more dot-separated elements of letters,
// digits, '_' and '-', none starting with a digit, at most 255 characters.
export const DBUS_NAME = /^[A-Za-z_-][A-Za-z0-9_-]*(?:\.[A-Za-z_-][A-Za-z0-9_-]*)+$/;

/**
 * What any client of the system bus needs, as the distribution's
 * dbus-strict abstraction grants it: the bus socket, and the bus daemon's
 * own methods for saying hello, subscribing, resolving and activating names.
 */
export const SYSTEM_BUS_STRICT = `/{,var/}run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),`;

/**
 * The same for the user's session bus (dbus-session-strict): its socket, an
 * older abstract socket in /tmp, and the machine id the client library reads.
 */
export const SESSION_BUS_STRICT = `/etc/machine-id r,
/var/lib/dbus/machine-id r,
unix (connect, receive, send) type=stream peer=(addr="@/tmp/dbus-*"),
owner /{,var/}run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),`;

// snapd allows a service to own its name with a "-PID" or "_N_N" suffix
// (KDE, and some other programs, name themselves that way), so a declared
// name may not itself end in "-NUMBER", or it could overlap another's.
const ENDS_IN_PID = /-[0-9]+$/;

function checkAttrs(attrs: AttrMap): AttrMap {
  const bus = optionalString(attrs, "bus", /^(system|session)$/, '"system" or "session"');
  if (bus === undefined) throw new AttributeProblem('bus must be set to "system" or "session"');
  const name = optionalString(attrs, "name", DBUS_NAME, "a well-known D-Bus name (e.g. org.example.Service)");
  if (name === undefined) throw new AttributeProblem("name must be set to the well-known D-Bus name");
  if (name.length > 255) throw new AttributeProblem(`name ${JSON.stringify(name)} is longer than 255 characters`);
  if (ENDS_IN_PID.test(name)) throw new AttributeProblem(`name ${JSON.stringify(name)} must not end with -NUMBER`);
  return attrs;
}

interface Target {
  readonly bus: "system" | "session";
  readonly name: string;
  /** The object tree the name maps to: org.example.Foo -> /org/example/Foo{,/**}. */
  readonly path: string;
  /** The name's own interface and those below it: org.example.Foo{,.*}. */
  readonly iface: string;
  /** What any client of that bus needs. */
  readonly client: string;
}

/** The bus and name an endpoint's attributes give, checked again where they land. */
function target(attrs: AttrMap, where: string): Target {
  const bus = attrs["bus"];
  const name = attrs["name"];
  if ((bus !== "system" && bus !== "session") || typeof name !== "string" || !DBUS_NAME.test(name) || ENDS_IN_PID.test(name)) {
    throw new ValidationError(`${where}: dbus bus/name attributes are not valid`);
  }
  const path = `"${safeAbsolutePath(`/${name.replace(/\./g, "/")}`, `${where} object path`)}{,/**}"`;
  return { bus, name, path, iface: `"${name}{,.*}"`, client: bus === "system" ? SYSTEM_BUS_STRICT : SESSION_BUS_STRICT };
}

/** The plug's and slot's bus and name agree: only then does a connection grant anything. */
function connected(ctx: ConnectedContext): Target | undefined {
  const t = target(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
  return ctx.plug.attrs["bus"] === t.bus && ctx.plug.attrs["name"] === t.name ? t : undefined;
}

// The name with a "-PID" suffix (a client's view: up to six digits), and
// with "-PID" or "_N" and "_N_N" suffixes (the service's view).
const PID_SUFFIX = "-[1-9]{,[0-9]}{,[0-9]}{,[0-9]}{,[0-9]}{,[0-9]}";
const NUMBER = "[1-9]{,[0-9_]}{,[0-9_]}{,[0-9_]}{,[0-9_]}{,[0-9_]}{,[0-9_]}{,[0-9_]}{,[0-9_]}{,[0-9]}";
const OWN_SUFFIX = `{_,-}${NUMBER}{,_${NUMBER}}`;

export default defineInterface({
  name: "dbus",
  summary: "allows owning a well-known D-Bus name, or talking to the snap that owns it",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app"] },
      "deny-auto-connection": true,
      "deny-connection": { "slot-attributes": { name: ".+" } },
    },
  },
  sanitizePlug: (plug) => checkAttrs(plug.attrs),
  sanitizeSlot: (slot) => checkAttrs(slot.attrs),
  connectedPlug: {
    apparmor: (ctx: ConnectedContext) => {
      const t = connected(ctx);
      if (!t) return "";
      const peer = ctx.slotLabel;
      return `
# The service that owns ${t.name} on the ${t.bus} bus: introspecting it,
# everything with it under its name (or its name with a -PID suffix), and
# its interfaces and object tree.
${t.client}
dbus (send) bus=${t.bus} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${peer}),
dbus (receive, send) bus=${t.bus} peer=(name=${t.name}, label=${peer}),
dbus (receive, send) bus=${t.bus} peer=(name="${t.name}${PID_SUFFIX}", label=${peer}),
dbus (receive, send) bus=${t.bus} interface=${t.iface} peer=(label=${peer}),
dbus (receive, send) bus=${t.bus} path=${t.path} peer=(label=${peer}),
`;
    },
  },
  connectedSlot: {
    apparmor: (ctx: ConnectedContext) => {
      const t = connected(ctx);
      if (!t) return "";
      const peer = ctx.plugLabel;
      return `
# The connected snap may introspect the service and use its interfaces and
# object tree.
dbus (receive) bus=${t.bus} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${peer}),
dbus (receive, send) bus=${t.bus} interface=${t.iface} peer=(label=${peer}),
dbus (receive, send) bus=${t.bus} path=${t.path} peer=(label=${peer}),
`;
    },
  },
  permanentSlot: {
    // Unconfined callers exist on classic systems (the desktop's own
    // programs); on core every caller is a snap reached through a
    // connection, so the rules for them are classic's only.
    apparmor: (ctx: PermanentContext) => {
      const t = target(ctx.endpoint.attrs, `slot ${ctx.snap.name}:${ctx.endpoint.name}`);
      const daemon = `path=/org/freedesktop/DBus interface=org.freedesktop.DBus`;
      const fromBus = "peer=(name=org.freedesktop.DBus, label=unconfined)";
      return `
# Owning ${t.name} on the ${t.bus} bus: registering with the bus and
# asking it who the callers are.
${t.client}
dbus (send) bus=${t.bus} ${daemon} member="{Request,Release}Name" ${fromBus},
dbus (send) bus=${t.bus} ${daemon} member="GetConnectionUnix{ProcessID,User}" ${fromBus},
dbus (send) bus=${t.bus} ${daemon} member="GetConnectionCredentials" ${fromBus},
# The name itself, with a -PID or _N_N suffix, and names below it.
dbus (bind) bus=${t.bus} name=${t.name},
dbus (bind) bus=${t.bus} name=${t.name}${OWN_SUFFIX},
dbus (bind) bus=${t.bus} name="${t.name}.*",
# Messages from the bus about its objects, its properties, and
# introspecting the bus.
dbus (receive) bus=${t.bus} path=${t.path} ${fromBus},
dbus (send) bus=${t.bus} path=${t.path} interface=org.freedesktop.DBus.Properties ${fromBus},
dbus (send) bus=${t.bus} interface=org.freedesktop.DBus.Introspectable member=Introspect ${fromBus},
${
  onClassic(ctx)
    ? `# Unconfined callers: introspection, and calls on its interfaces and objects
# (answering them; sending is for other interfaces).
dbus (receive) bus=${t.bus} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (receive) bus=${t.bus} interface=${t.iface} peer=(label=unconfined),
dbus (receive) bus=${t.bus} path=${t.path} peer=(label=unconfined),`
    : ""
}
`;
    },
    // A service may take direct connections besides those the bus carries.
    seccomp: `
listen
accept
accept4
`,
  },
  examples: { plug: { bus: "session", name: "org.example.Foo" }, slot: { bus: "session", name: "org.example.Foo" } },
});
