import path from "node:path";
import { defineInterface, verbatimPathProblem } from "../src/iface/index.js";
import { SESSION_BUS_STRICT, SYSTEM_BUS_STRICT } from "./dbus.js";

/**
 * The backlights the host found (each entry of /sys/class/backlight resolved
 * into /sys/devices, which is the path AppArmor matches), as snapd lists them
 * when it writes the profile. One that cannot be written verbatim into a rule
 * (never seen for sysfs names) is left out.
 */
export function usableBacklights(found: readonly string[]): string[] {
  return found.filter((d) => verbatimPathProblem(d, { absolute: true }) === null);
}

/** Reading a backlight device's attributes and setting its brightness and power. */
export function backlightRules(devices: readonly string[]): string {
  return devices.map((d) => `# Backlight found on this machine: ${path.posix.basename(d)}\n${d}/{,**} r,\n${d}/bl_power w,\n${d}/brightness w,\n`).join("");
}

const STATIC_RULES = `
# The keyboard backlight's LED.
/sys/class/leds/ r,
/sys/devices/**/leds/**kbd_backlight/{,**} r,
/sys/devices/**/leds/**kbd_backlight/brightness w,
# UPower's keyboard backlight control, on the system bus (AppArmor's
# dbus-strict abstraction spelled out).
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/UPower/KbdBacklight interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/UPower/KbdBacklight interface=org.freedesktop.UPower.KbdBacklight member={GetBrightness,GetMaxBrightness,SetBrightness} peer=(label=unconfined),
# gnome-settings-daemon's screen brightness steps, on the session bus
# (dbus-session-strict spelled out). Setting its Brightness property is not
# granted: AppArmor cannot tell a Set of that property from any other.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/gnome/SettingsDaemon/Power interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (send) bus=session path=/org/gnome/SettingsDaemon/Power interface=org.gnome.SettingsDaemon.Power.Screen member=Step{Down,Up} peer=(label=unconfined),
# Screen backlights: the class directory, the DRM connectors' backlights,
# and the LVDS panel's.
/sys/class/backlight/ r,
/sys/devices/**/**/drm/card[0-9]/card[0-9]*/*_backlight/brightness w,
/sys/devices/platform/lvds_backlight/backlight/lvds_backlight/brightness rw,
/sys/devices/platform/lvds_backlight/backlight/lvds_backlight/bl_power rw,
`;

export default defineInterface({
  name: "display-control",
  summary: "allows setting the brightness of screen and keyboard backlights and reading display state",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => STATIC_RULES + backlightRules(usableBacklights(ctx.host?.backlights ?? [])),
  },
});
