import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, permanentContext, plugInfo as endpoint, ruleLines, snippet, udevOf } from "./test-support.js";
import gpioChardev, { parseLines } from "./gpio-chardev.js";

const sanitize = (attrs: AttrMap) => gpioChardev.sanitizeSlot!(endpoint("my-device", "gpio-chardev", attrs));
const slot = (lines: unknown, chips: unknown = ["chip0"]): AttrMap => ({ "source-chip": chips, lines }) as AttrMap;

describe("gpio-chardev", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no source-chip", { lines: "3,4,1-2,5" }, /must set source-chip/],
    ["no lines", { "source-chip": ["chip2"] }, /must set lines/],
    ["source-chip as one string", slot("1", "chip0"), /must be a list of chip labels/],
    ["an empty source-chip", slot("1", []), /at least one chip label/],
    ["a duplicate chip", slot("3,4,1-2,5", ["chip", "chip"]), /lists "chip" twice/],
    ["an empty chip", slot("1", [""]), /source-chip\[0\] must not be empty/],
    ["a leading space", slot("1", [" s"]), /white space/],
    ["a trailing space", slot("1", ["s "]), /white space/],
    ["a trailing newline", slot("1", ["s\n"]), /white space/],
    ["a trailing non-breaking space", slot("1", ["s\u00a0"]), /white space/],
    ["a chip that is not a string", slot("1", ["a", 3]), /source-chip\[1\] must be a string/],
    ["lines as a number", slot(3), /lines must be a string/],
    ["lines as a list", slot(["1", "2"]), /lines must be a string/],
    ["an empty lines", slot(""), /not a line number/],
    ["an empty entry", slot("1,,2"), /not a line number/],
    ["an overlap", slot("2-6,3"), /"3" overlaps/],
    ["a repeated line", slot("1,1"), /overlaps/],
    ["an open range", slot("2-"), /the end of "2-"/],
    ["a letter start", slot("a-3"), /the start of "a-3"/],
    ["a letter", slot("a"), /not a line number/],
    ["a negative line", slot("-1"), /the start of "-1"/],
    ["a plus sign", slot("+1"), /not a line number/],
    ["a space", slot("1, 2"), /not a line number/],
    ["a backwards range", slot("4-2"), /must end above/],
    ["a range of one", slot("4-4"), /must end above/],
    ["a doubled dash", slot("0--1"), /the end of "0--1"/],
    ["too many lines", slot("0-10000000"), /names 10000001 lines; at most 512/],
    ["513 lines", slot("0,1-512"), /names 513 lines/],
    ["a line past 32 bits", slot("4294967296"), /not a line number/],
    ["an AppArmor rule", slot("1\n/** rwx,"), /not a line number/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(re);
  });

  it.each<[string, { start: number; end: number }[]]>([
    ["3,4,1-2,5", [{ start: 1, end: 2 }, { start: 3, end: 3 }, { start: 4, end: 4 }, { start: 5, end: 5 }]],
    ["0", [{ start: 0, end: 0 }]],
    ["0-511", [{ start: 0, end: 511 }]],
    ["007", [{ start: 7, end: 7 }]],
    ["4294967295", [{ start: 4294967295, end: 4294967295 }]],
  ])("reads lines %j as snapd does", (lines, spans) => {
    expect(parseLines(lines)).toEqual(spans);
    expect(sanitize(slot(lines, ["pinctrl-bcm2711", "gpio chip 1"]))).toEqual(slot(lines, ["pinctrl-bcm2711", "gpio chip 1"]));
  });

  it("grants the slot's node and the plug snap's links, tagged by the slot's property", () => {
    const ctx = connectedContext(gpioChardev, {}, slot("3,4,1-2,5", ["chip0", "chip1"]), { slotSnap: "my-device" });
    expect(ruleLines(snippet(gpioChardev, "connectedPlug", ctx))).toEqual(["/dev/snap/gpio-chardev/my-device/x rwk,", "/dev/snap/gpio-chardev/app/{,*} r,"]);
    const udev = udevOf(gpioChardev, "connectedPlug", ctx);
    expect(udev).toEqual(['TAG=="snap_my-device_interface_gpio_chardev_x"']);
    for (const u of udev) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("has the aggregator driver loaded for the gadget's slot, and nothing for the slot's own apps", () => {
    const ctx = permanentContext(gpioChardev, slot("1"), "my-device");
    expect(gpioChardev.permanentSlot.kmod).toEqual({ load: ["gpio-aggregator"] });
    expect(snippet(gpioChardev, "permanentSlot", ctx)).toBe("");
  });
});
