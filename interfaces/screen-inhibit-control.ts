import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT, SYSTEM_BUS_STRICT } from "./dbus.js";

/**
 * The inhibit calls of the desktops' session, screensaver and power manager
 * services (GNOME, Unity, KDE, Cinnamon, Xfce), seen from the caller
 * (call = "send") or from the service (call = "receive"); peer is the other side.
 */
function inhibitRules(call: "send" | "receive", signal: "send" | "receive", peer: string): string {
  return `
${SESSION_BUS_STRICT}
${SYSTEM_BUS_STRICT}
# gnome-session.
dbus (${call}) bus=session path=/org/gnome/SessionManager interface=org.gnome.SessionManager member={Inhibit,Uninhibit} peer=(label=${peer}),
# Unity's screen API, on the system bus.
dbus (${call}) bus=system path="/com/canonical/Unity/Screen" interface="org.freedesktop.DBus.Introspectable" member="Introspect" peer=(label=${peer}),
dbus (${call}) bus=system path="/com/canonical/Unity/Screen" interface="com.canonical.Unity.Screen" member={keepDisplayOn,removeDisplayOnRequest} peer=(label=${peer}),
# The freedesktop ScreenSaver API, under its old path too.
dbus (${call}) bus=session path=/Screensaver interface=org.freedesktop.ScreenSaver member={Inhibit,UnInhibit,SimulateUserActivity} peer=(label=${peer}),
dbus (${call}) bus=session path=/{,org/freedesktop/,org/gnome/}ScreenSaver interface=org.{freedesktop,gnome}.ScreenSaver member={Inhibit,UnInhibit,SimulateUserActivity} peer=(label=${peer}),
# xfce4-power-manager.
dbus (${call}) bus=session path=/org/freedesktop/PowerManagement/Inhibit interface=org.freedesktop.PowerManagement.Inhibit member={Inhibit,UnInhibit} peer=(label=${peer}),
dbus (${signal}) bus=session path=/org/freedesktop/PowerManagement/Inhibit interface=org.freedesktop.PowerManagement.Inhibit member=HasInhibitChanged peer=(label=${peer}),
# Keeping the GNOME, KDE and Cinnamon screensavers from starting.
dbus (${call}) bus=session path=/{,ScreenSaver} interface=org.{gnome.ScreenSaver,kde.screensaver,cinnamon.ScreenSaver} member=SimulateUserActivity peer=(label=${peer}),
`;
}

export default defineInterface({
  name: "screen-inhibit-control",
  summary: "allows keeping the screen from blanking or locking, e.g. while a video plays",
  // On classic the desktop provides the slot; snapd has no implicit slot on core.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: (ctx) => inhibitRules("send", "receive", ctx.slotLabel),
  },
  connectedSlot: {
    apparmor: (ctx) => inhibitRules("receive", "send", ctx.plugLabel),
  },
});
