import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "gsettings",
  summary: "allows reading and changing the user's desktop settings (GSettings through dconf)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    // dconf keeps every application's settings in one database, so this is
    // all of the user's desktop settings, not only the snap's own.
    apparmor: `
${SESSION_BUS_STRICT}
# The dconf database (as the dconf abstraction lists it), written directly
# or through the dconf service.
/etc/dconf/** r,
owner /{,var/}run/user/*/dconf/user r,
owner @{HOME}/.config/dconf/user r,
owner /{,var/}run/user/*/dconf/user w,
owner @{HOME}/.config/dconf/user w,
dbus (receive, send) bus=session interface="ca.desrt.dconf.Writer" peer=(label="{dconf-service,unconfined}"),
`,
  },
});
