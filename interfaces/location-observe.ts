import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

const SERVICE = "bus=system path=/com/ubuntu/location/Service";
const SESSION = "interface=com.ubuntu.location.Service.Session";
const UPDATES = ['"{Start,Stop}PositionUpdates"', '"{Start,Stop}HeadingUpdates"', '"{Start,Stop}VelocityUpdates"'];

export default defineInterface({
  name: "location-observe",
  summary: "allows reading positions from the Ubuntu location service",
  // The location service ships as a snap; the system snap has no slot.
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-auto-connection": true, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const peer = `peer=(label=${ctx.slotLabel})`;
      return `
# The service's properties, creating a session, starting and stopping its
# position, heading and velocity updates (at either session path), receiving
# them, and introspecting the service.
${SYSTEM_BUS_STRICT}
dbus (send) ${SERVICE} interface=org.freedesktop.DBus.Properties member=Get ${peer},
dbus (send) ${SERVICE} interface=com.ubuntu.location.Service member=CreateSessionForCriteria ${peer},
${UPDATES.map((u) => `dbus (send) bus=system path=/sessions/* ${SESSION} member=${u} ${peer},`).join("\n")}
${UPDATES.map((u) => `dbus (send) ${SERVICE}/sessions/* ${SESSION} member=${u} ${peer},`).join("\n")}
dbus (receive) bus=system path=/sessions/* ${SESSION} member="Update{Position,Heading,Velocity}" ${peer},
dbus (receive) ${SERVICE}/sessions/* ${SESSION} member="Update{Position,Heading,Velocity}" ${peer},
dbus (receive) ${SERVICE} interface=org.freedesktop.DBus.Properties member=PropertiesChanged ${peer},
dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),
dbus (send) ${SERVICE} interface=org.freedesktop.DBus.Introspectable member=Introspect ${peer},
`;
    },
  },
  connectedSlot: {
    apparmor: (ctx) => {
      const peer = `peer=(label=${ctx.plugLabel})`;
      return `
# Hosting the connected client's sessions and sending it updates.
dbus (bind) bus=system name="com.ubuntu.location.Service.Session",
dbus (receive) ${SERVICE} interface=com.ubuntu.location.Service member=CreateSessionForCriteria ${peer},
dbus (receive) ${SERVICE} interface=org.freedesktop.DBus.Properties member=Get ${peer},
${UPDATES.map((u) => `dbus (receive) bus=system path=/sessions/* ${SESSION} member=${u} ${peer},`).join("\n")}
dbus (send) bus=system path=/sessions/* ${SESSION} member="Update{Position,Heading,Velocity}" ${peer},
dbus (send) ${SERVICE} interface=org.freedesktop.DBus.Properties member=PropertiesChanged ${peer},
`;
    },
  },
  permanentSlot: {
    apparmor: `
# Operating as the location service: its name on the system bus, and the
# bus's standard interfaces on its objects for unconfined callers.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="{Request,Release}Name" peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="GetConnectionUnix{ProcessID,User}" peer=(label=unconfined),
dbus (bind) bus=system name="com.ubuntu.location.Service",
dbus (receive, send) ${SERVICE}{,/**} interface=org.freedesktop.DBus** peer=(label=unconfined),
`,
  },
});
