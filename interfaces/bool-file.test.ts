import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, permanentContext, plugInfo as endpoint, ruleLines, snippet, udevOf } from "./test-support.js";
import boolFile from "./bool-file.js";

const sanitize = (attrs: AttrMap) => boolFile.sanitizeSlot!(endpoint("gadget", "bool-file", attrs));
const plugRules = (path: string) => ruleLines(snippet(boolFile, "connectedPlug", connectedContext(boolFile, {}, { path }, { slotSnap: "gadget" })));
const slotRules = (path: string) => ruleLines(snippet(boolFile, "permanentSlot", permanentContext(boolFile, { path }, "gadget")));

describe("bool-file", () => {
  it.each<[string, unknown, RegExp]>([
    ["no path", undefined, /must set path/],
    ["an empty path", "", /must set path/],
    ["a number", 13, /must be a string/],
    ["a relative path", "path", /GPIO value .* or an LED brightness/],
    ["a GPIO direction", "/sys/class/gpio/gpio13/direction", /GPIO value/],
    ["the export file", "/sys/class/gpio/export", /GPIO value/],
    ["a device path", "/sys/devices/platform/leds/leds/x/brightness", /GPIO value/],
    ["a GPIO glob", "/sys/class/gpio/gpio*/value", /GPIO value/],
    ["a backlight", "/sys/class/backlight/intel_backlight/brightness", /GPIO value/],
    ["a nested LED", "/sys/class/leds/a/b/brightness", /GPIO value/],
    ["a parent directory", "/sys/class/gpio/../value", /not a clean path/],
    ["a climb through the LED name", "/sys/class/leds/../../../etc/brightness", /not a clean path/],
    ["a climb past the file", "/sys/class/leds/x/brightness/../../../../etc/shadow", /not a clean path/],
    ["a climb back in", "/sys/class/leds/x/../y/brightness", /not a clean path/],
    ["the LED dot", "/sys/class/leds/./brightness", /not a clean path/],
    ["trailing slashes", "/sys/class/gpio/gpio14/value///", /not a clean path.*"\/sys\/class\/gpio\/gpio14\/value"/],
    ["an LED glob", "/sys/class/leds/**/brightness", /LED name contains a character that is not allowed/],
    ["an LED alternation", "/sys/class/leds/{a,b}/brightness", /LED name contains/],
    ["an LED quote", '/sys/class/leds/a"b/brightness', /LED name contains/],
    ["an LED with a space", "/sys/class/leds/a b/brightness", /LED name contains/],
    ["an LED with a newline", "/sys/class/leds/a\nb/brightness", /LED name contains a character that is not allowed here: U\+000A/],
    ["an LED name carrying a rule", "/sys/class/leds/a rwx,\n/**/brightness", /GPIO value/],
    ["an injected rule after the file", "/sys/class/gpio/gpio1/value rw,\n/** rwx", /GPIO value/],
  ])("slot refuses %s", (_l, path, re) => {
    const attrs = (path === undefined ? {} : { path }) as AttrMap;
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(re);
  });

  it.each(["/sys/class/gpio/gpio13/value", "/sys/class/leds/input27::capslock/brightness", "/sys/class/leds/DL25:red/brightness", "/sys/class/leds/mmc0::/brightness"])(
    "slot accepts %s",
    (path) => {
      expect(sanitize({ path })).toEqual({ path });
    },
  );

  it.each<[string, string[]]>([
    ["/sys/class/gpio/gpio13/value", ["/sys/devices/**/gpio/gpio13/value rwk,"]],
    [
      "/sys/class/leds/status-grn-led/brightness",
      ["/sys/devices/**/status-grn-led/brightness rwk,", "/sys/devices/platform/**/leds/status-grn-led/{trigger,delay_on,delay_off} rw,"],
    ],
  ])("the plug reaches the file behind %s", (path, expected) => {
    const r = plugRules(path);
    expect(r).toEqual(expected);
    // Only the target under /sys/devices: never the host's link, never the export files.
    expect(r.every((l) => l.startsWith("/sys/devices/"))).toBe(true);
  });

  it("the gadget exports GPIO lines it offers, but nothing for an LED", () => {
    expect(slotRules("/sys/class/gpio/gpio13/value")).toEqual(["/sys/class/gpio/export rw,", "/sys/class/gpio/unexport rw,", "/sys/class/gpio/gpio[0-9]*/direction rw,"]);
    expect(slotRules("/sys/class/leds/x/brightness")).toEqual([]);
  });

  it("tags no device and refuses to render a path that slipped past the sanitizer", () => {
    const ctx = connectedContext(boolFile, {}, { path: "/sys/class/gpio/gpio1/value" });
    expect(udevOf(boolFile, "connectedPlug", ctx)).toEqual([]);
    expect(() => plugRules("/etc/shadow")).toThrow(AttributeProblem);
  });
});
