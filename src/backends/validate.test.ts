import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/index.js";
import { renderFstab } from "./mount/render.js";
import { safeAbsolutePath, safeUdevMatch } from "./validate.js";

// The backends' own check, right before a path is written into a profile or
// an fstab line, independent of the attribute checks at install time.
describe("safeAbsolutePath and the fstab renderer", () => {
  const hostile: readonly [string, RegExp][] = [
    ["/snap/a/x1/a\x01b", /U\+0001, a control character/],
    ["/snap/a/x1/a\x1fb", /U\+001F, a control character/],
    ["/snap/a/x1/a\x7fb", /U\+007F, a control character/],
    ["/snap/a/x1/a\nb", /U\+000A, a control character/],
    ["/snap/a/x1/a(b", /"\("/],
    ["/snap/a/x1/a)b", /"\)"/],
    ["/snap/a/x1/é", /U\+00E9/],
    ["/snap/a/x1/a b", /a space/],
    ["/dev/../etc/shadow", /is not a clean path .*write "\/etc\/shadow"/],
    ["/dev/./x", /is not a clean path/],
    ["/dev//x", /is not a clean path/],
    ["/dev/x/..", /is not a clean path/],
    ["/dev/x/", /is not a clean path/],
    ["relative/x", /must be an absolute path/],
    ["", /must be an absolute path/],
  ];

  it.each(hostile)("refuses %j where it would be written", (value, why) => {
    expect(() => safeAbsolutePath(value, "snap foo mount target")).toThrow(ValidationError);
    expect(() => safeAbsolutePath(value, "snap foo mount target")).toThrow(why);
    expect(() => safeAbsolutePath(value, "snap foo mount target")).toThrow(/^snap foo mount target: .* is not a clean absolute path/);
    expect(() => renderFstab("foo", [{ source: "/snap/bar/x1/lib", target: value, readOnly: true }])).toThrow(why);
    expect(() => renderFstab("foo", [{ source: value, target: "/snap/foo/x1/lib", readOnly: true }])).toThrow(why);
  });

  it.each(["/", "/snap/bar/x1", "/var/snap/bar/common/run", "/dev/iio:device0", "/snap/foo/x1/docker-snap"])("accepts %j", (value) => {
    expect(safeAbsolutePath(value, "t")).toBe(value);
  });

  it("writes a clean entry unchanged", () => {
    expect(renderFstab("foo", [{ source: "/snap/bar/x1/lib", target: "/snap/foo/x1/lib", readOnly: true }])).toContain("\n/snap/bar/x1/lib /snap/foo/x1/lib none bind,ro 0 0\n");
  });
});

describe("safeUdevMatch", () => {
  it.each([
    'KERNEL=="video[0-9]*"',
    'SUBSYSTEM=="input", KERNEL=="event[0-9]*", ENV{ID_INPUT_KEY}=="1", ENV{ID_INPUT_KEYBOARD}!="1"',
    'TAG=="snap_gadget_interface_gpio_chardev_line0"',
    'DRIVER=="linux-kernel-bde"',
  ])("accepts the match %s", (m) => expect(safeUdevMatch(m, "w")).toBe(m));

  it.each([
    ['KERNEL=="x", TAG+="snap_other"', "an assignment"],
    ['KERNEL=="x", RUN+="/bin/sh"', "a program to run"],
    ['KERNEL="x"', "a single ="],
    ['KERNEL=="x"\nRUN+="/bin/sh"', "a second line"],
    ['KERNEL=="a b"', "a blank in a value"],
    ['KERNEL=="x", ', "a trailing separator"],
    ['ENV{ID}!=""', "an empty value"],
    ['PROGRAM=="/bin/true"', "a key that runs a program"],
  ])("refuses %j (%s)", (m) => expect(() => safeUdevMatch(m, "snap s")).toThrow(/snap s: .* is not an acceptable udev match/));
});
