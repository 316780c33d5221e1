import { AttributeProblem, defineInterface, onlyKnownAttrs, optionalString } from "../src/iface/index.js";
import { ValidationError } from "../src/errors/index.js";
import type { AttrMap } from "../src/snap/index.js";

// One element of a D-Bus well-known name: the player's name becomes
// org.mpris.MediaPlayer2.<name>.
const NAME_ELEMENT = /^[a-zA-Z0-9_-]+$/;

/** The bus name element the slot's player owns; the snap's name when no name is given. */
export function mprisNameElement(attrs: AttrMap): string {
  const name = attrs["name"];
  if (name === undefined) return "@{SNAP_NAME}";
  // Checked by sanitizeSlot at install; checked again where it lands in a rule.
  if (typeof name !== "string" || !NAME_ELEMENT.test(name)) throw new ValidationError(`mpris name ${JSON.stringify(name)} is not a D-Bus name element`);
  return name;
}

const SESSION_BASICS = `owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),`;

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
${SESSION_BASICS}
# Finding players: listing the session bus's names reveals every client's name.
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=ListNames peer=(name=org.freedesktop.DBus),
# Controlling the connected player and reading its state.
dbus (send) bus=session path=/org/mpris/MediaPlayer2 peer=(label=${ctx.slotLabel}),
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${ctx.slotLabel}),
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 interface=org.mpris.MediaPlayer2.Player member=Seeked peer=(label=${ctx.slotLabel}),
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Let the connected controller call the player and read its properties.
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 interface={org.mpris.MediaPlayer2{,.*},org.freedesktop.DBus.Properties,org.freedesktop.DBus.Introspectable} peer=(label=${ctx.plugLabel}),
dbus (send) bus=session path=/org/mpris/MediaPlayer2 peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: (ctx) => {
      const name = mprisNameElement(ctx.endpoint.attrs);
      return `
# Operating as an MPRIS player: owning org.mpris.MediaPlayer2.<name> (and
# instance names below it) and announcing its state.
${SESSION_BASICS}
dbus (bind) bus=session name=org.mpris.MediaPlayer2.${name}{,.*},
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName} peer=(name=org.freedesktop.DBus),
dbus (send) bus=session path=/org/mpris/MediaPlayer2 interface={org.freedesktop.DBus.Properties,org.mpris.MediaPlayer2{,.*}} member={PropertiesChanged,Seeked},
# The desktop's own media controls (sound indicator, GNOME Shell) run unconfined.
dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label=unconfined),
dbus (send) bus=session path=/org/mpris/MediaPlayer2 peer=(label=unconfined),
`;
    },
  },
  examples: { slot: { name: "player" } },
});
