import { AttributeProblem, defineInterface, onlyKnownAttrs, optionalString, type ConnectedContext, type PermanentContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap } from "../src/snap/index.js";

// A well-known bus name: two or more dot-separated elements of letters,
// digits, '_' and '-', none starting with a digit, at most 255 characters.
export const DBUS_NAME = /^[A-Za-z_-][A-Za-z0-9_-]*(?:\.[A-Za-z_-][A-Za-z0-9_-]*)+$/;

function checkAttrs(attrs: AttrMap): AttrMap {
  onlyKnownAttrs(attrs, ["bus", "name"]);
  const bus = optionalString(attrs, "bus", /^(system|session)$/, '"system" or "session"');
  if (bus === undefined) throw new AttributeProblem('bus must be set to "system" or "session"');
  const name = optionalString(attrs, "name", DBUS_NAME, "a well-known D-Bus name (e.g. org.example.Service)");
  if (name === undefined) throw new AttributeProblem("name must be set to the well-known D-Bus name");
  if (name.length > 255) throw new AttributeProblem(`name ${JSON.stringify(name)} is longer than 255 characters`);
  if (/^org\.freedesktop\.DBus(\.|$)/.test(name)) throw new AttributeProblem(`name ${JSON.stringify(name)} belongs to the bus itself`);
  return attrs;
}

/** The bus, name and object path an endpoint's attributes name, checked again where they land. */
function target(attrs: AttrMap, where: string): { bus: string; name: string; path: string; socket: string } {
  const bus = attrs["bus"];
  const name = attrs["name"];
  if ((bus !== "system" && bus !== "session") || typeof name !== "string" || !DBUS_NAME.test(name)) {
    throw new ValidationError(`${where}: dbus bus/name attributes are not valid`);
  }
  // The object path conventionally mirrors the name: org.example.Foo -> /org/example/Foo.
  const path = safeAbsolutePath(`/${name.replace(/\./g, "/").replace(/-/g, "_")}`, `${where} object path`);
  const socket = bus === "system" ? "/run/dbus/system_bus_socket rw," : "owner /run/user/[0-9]*/bus rw,";
  return { bus, name, path, socket };
}

const busHello = (bus: string, extra = "") =>
  `dbus (send) bus=${bus} path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner${extra}} peer=(name=org.freedesktop.DBus),`;

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
      const t = target(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      return `
# Call the service that owns ${t.name} on the ${t.bus} bus, and hear back from it.
${t.socket}
${busHello(t.bus)}
dbus (send) bus=${t.bus} path=${t.path}{,/**} peer=(name=${t.name}, label=${ctx.slotLabel}),
dbus (receive) bus=${t.bus} path=${t.path}{,/**} peer=(label=${ctx.slotLabel}),
dbus (send) bus=${t.bus} path=${t.path}{,/**} interface=org.freedesktop.DBus.{Introspectable,Properties,Peer} peer=(label=${ctx.slotLabel}),
`;
    },
  },
  connectedSlot: {
    apparmor: (ctx: ConnectedContext) => {
      const t = target(ctx.slot.attrs, `slot ${ctx.slotSnap.name}:${ctx.slot.name}`);
      return `
# Answer the connected snap's calls on ${t.path} and send it signals.
dbus (receive) bus=${t.bus} path=${t.path}{,/**} peer=(label=${ctx.plugLabel}),
dbus (send) bus=${t.bus} path=${t.path}{,/**} peer=(label=${ctx.plugLabel}),
`;
    },
  },
  permanentSlot: {
    apparmor: (ctx: PermanentContext) => {
      const t = target(ctx.endpoint.attrs, `slot ${ctx.snap.name}:${ctx.endpoint.name}`);
      return `
# Own ${t.name} on the ${t.bus} bus and serve its objects.
${t.socket}
${busHello(t.bus, ",RequestName,ReleaseName,GetConnectionUnixUser,GetConnectionUnixProcessID,GetConnectionCredentials")}
dbus (bind) bus=${t.bus} name=${t.name},
dbus (send) bus=${t.bus} path=${t.path}{,/**} interface=org.freedesktop.DBus.{Properties,ObjectManager} peer=(name=org.freedesktop.DBus),
dbus (receive) bus=${t.bus} path=${t.path}{,/**} interface=org.freedesktop.DBus.{Introspectable,Properties,Peer},
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
