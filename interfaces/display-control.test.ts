import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import mod, { backlightRules, usableBacklights } from "./display-control.js";

const m: InterfaceModule = mod;
const rules = () => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("display-control", () => {
  it.each([
    "/sys/devices/**/leds/**kbd_backlight/brightness w,",
    "dbus (send) bus=system path=/org/freedesktop/UPower/KbdBacklight interface=org.freedesktop.UPower.KbdBacklight member={GetBrightness,GetMaxBrightness,SetBrightness} peer=(label=unconfined),",
    "dbus (send) bus=session path=/org/gnome/SettingsDaemon/Power interface=org.gnome.SettingsDaemon.Power.Screen member=Step{Down,Up} peer=(label=unconfined),",
    "/sys/devices/**/**/drm/card[0-9]/card[0-9]*/*_backlight/brightness w,",
    "/sys/devices/platform/lvds_backlight/backlight/lvds_backlight/bl_power rw,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("gives rules for each backlight the host found, leaving out a path a rule cannot hold", () => {
    const host = { apparmorParser: new Set<string>(), backlights: ["/sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-eDP-1/intel_backlight", "/sys/devices/x/bad,name"] };
    const withHost = ruleLines(snippet(m, "connectedPlug", { ...connectedContext(m, {}, {}, { system: true }), host }));
    expect(withHost).toContain("/sys/devices/pci0000:00/0000:00:02.0/drm/card0/card0-eDP-1/intel_backlight/brightness w,");
    expect(withHost.filter((l) => l.includes("bad,name"))).toEqual([]);
    expect(usableBacklights(host.backlights)).toHaveLength(1);
    expect(rules().filter((l) => l.includes("intel_backlight"))).toEqual([]);
  });

  it("lets the app read a found backlight and set its brightness and power", () => {
    expect(ruleLines(backlightRules(["/sys/devices/x/intel_backlight"]))).toEqual([
      "/sys/devices/x/intel_backlight/{,**} r,",
      "/sys/devices/x/intel_backlight/bl_power w,",
      "/sys/devices/x/intel_backlight/brightness w,",
    ]);
  });
});
