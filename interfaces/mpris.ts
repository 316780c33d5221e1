import { AttributeProblem, defineInterface, onClassic, onlyKnownAttrs, optionalString } from "../src/iface/index.js";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

// One element of a D-Bus well-known name: the player's name becomes
// org.mpris.MediaPlayer2.<name>.
const NAME_ELEMENT = /^[a-zA-Z0-9_-]+$/;

/** The bus name element the slot's player owns; the snap's name when no name is given. */
export function mprisNameElement(attrs: AttrMap): string {
  const name = attrs["name"];
  if (name === undefined) return "@{SNAP_INSTANCE_NAME}";
  // Checked by sanitizeSlot at install; checked again where it lands in a rule.
  if (typeof name !== "string" || !NAME_ELEMENT.test(name)) throw new ValidationError(`mpris name ${JSON.stringify(name)} is not a D-Bus name element`);
  return name;
}

// The desktop's own media controls (Plasma's shell, GNOME's, the sound
// indicator) run as plasmashell or unconfined.
const DESKTOP = `"{plasmashell,unconfined}"`;

export default defineInterface({
  name: "mpris",
  summary: "allows operating as an MPRIS media player, or controlling one",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app"] },
      "deny-auto-connection": true,
      "deny-connection": { "slot-attributes": { name: ".+" } },
    },
  },
  sanitizeSlot: (slot) => {
    onlyKnownAttrs(slot.attrs, ["name"]);
    const name = optionalString(slot.attrs, "name");
    if (name !== undefined && !NAME_ELEMENT.test(name)) {
      throw new AttributeProblem(`name ${JSON.stringify(name)} is not a D-Bus name element (letters, digits, "_" and "-")`);
    }
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => `
${SESSION_BUS_STRICT}
# Finding players: introspecting the bus and listing its names (which shows
# every client's name).
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus.Introspectable peer=(name="org.freedesktop.DBus", label=${DESKTOP}),
dbus (send) bus=session path=/{,org,org/mpris,org/mpris/MediaPlayer2} interface=org.freedesktop.DBus.Introspectable peer=(name="org.freedesktop.DBus", label=${DESKTOP}),
dbus (send) bus=session path=/ interface=org.freedesktop.DBus member=ListNames peer=(name="org.freedesktop.DBus", label=${DESKTOP}),
# Controlling the connected player and following its state.
dbus (send) bus=session path=/org/mpris/MediaPlayer2 peer=(label=${ctx.slotLabel}),
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# The connected controller may call the player, read its properties and
# introspect it; the player announces property changes to it.
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 interface=org.freedesktop.DBus.Properties peer=(label=${ctx.plugLabel}),
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable peer=(label=${ctx.plugLabel}),
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 interface="org.mpris.MediaPlayer2{,.*}" peer=(label=${ctx.plugLabel}),
dbus (send) bus=session path=/org/mpris/MediaPlayer2 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: (ctx) => {
      const name = mprisNameElement(ctx.endpoint.attrs);
      // snapd writes the name requests and the registration calls below for
      // bus=system (where no player lives) and not for the session bus; kept
      // as snapd has them so this grants no more than it.
      return `
# Operating as an MPRIS player: owning org.mpris.MediaPlayer2.<name> (and
# instance names below it) and announcing its state to the desktop.
${SESSION_BUS_STRICT}
dbus (bind) bus=session name="org.mpris.MediaPlayer2.${name}{,.*}",
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="{Request,Release}Name" peer=(name=org.freedesktop.DBus, label=${DESKTOP}),
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="GetConnectionUnix{ProcessID,User}" peer=(name=org.freedesktop.DBus, label=${DESKTOP}),
dbus (send) bus=session path=/org/mpris/MediaPlayer2 interface=org.freedesktop.DBus.Properties member="{GetAll,PropertiesChanged}" peer=(name=org.freedesktop.DBus, label=${DESKTOP}),
dbus (send) bus=session path=/org/mpris/MediaPlayer2 interface="org.mpris.MediaPlayer2{,.Player}" peer=(name=org.freedesktop.DBus, label=${DESKTOP}),
# A player may always call itself.
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label=@{profile_name}),
${
  // Only a classic system has a desktop of its own whose media controls
  // (unconfined, or Plasma's shell) drive players without a connection.
  onClassic(ctx)
    ? `# The desktop's media controls may drive the player.
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label=${DESKTOP}),
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable peer=(label=${DESKTOP}),`
    : ""
}
`;
    },
  },
  examples: { slot: { name: "player" } },
});
