import { describe, expect, it } from "vitest";
import { cleanPath, cleanPathProblem, verbatimPathProblem, verbatimTextProblem } from "./index.js";

// Values that reached AppArmor rules and fstab lines before these checks
// were shared: control characters, DEL, parentheses, non-ASCII, and paths
// that are not in canonical form.
const HOSTILE_CHARACTERS: readonly [string, RegExp][] = [
  ["/dev/a\x01b", /U\+0001, a control character/],
  ["/dev/a\x1bb", /U\+001B, a control character/],
  ["/dev/a\x1fb", /U\+001F, a control character/],
  ["/dev/a\x00b", /U\+0000, a control character/],
  ["/dev/a\nb", /U\+000A, a control character/],
  ["/dev/a\tb", /U\+0009, a control character/],
  ["/dev/a\x7fb", /U\+007F, a control character/],
  ["/dev/a(b", /"\(", which AppArmor, udev or fstab read as syntax/],
  ["/dev/a)b", /"\)", which AppArmor, udev or fstab read as syntax/],
  ["/dev/é", /"é" \(U\+00E9\); only printable ASCII/],
  ["/dev/a\u00a0b", /U\+00A0/],
  ["/dev/a\u202eb", /U\+202E/],
  ["/dev/a\ud800b", /U\+D800/],
  ["/dev/\u{1f600}", /U\+1F600/],
  ["/dev/a b", /a space/],
  ["/dev/a,b", /","/],
  ["/dev/{a,b}", /"\{"/],
  ["/dev/a*", /"\*"/],
  ["/dev/@{HOME}", /"@"/],
  ["/dev/$x", /"\$"/],
  ['/dev/a"b', /"\\""/],
];

const UNCLEAN: readonly [string, string][] = [
  ["/dev/../etc/shadow", "/etc/shadow"],
  ["/dev/./x", "/dev/x"],
  ["/dev//x", "/dev/x"],
  ["/dev/x/..", "/dev"],
  ["/dev/x/.", "/dev/x"],
  ["/dev/x/", "/dev/x"],
  ["//dev/x", "/dev/x"],
  ["/..", "/"],
  ["/../../etc", "/etc"],
  ["a/../../b", "../b"],
  ["./a", "a"],
  ["a/", "a"],
];

describe("verbatimPathProblem, shared by every module, custom interfaces and the backends", () => {
  it.each(HOSTILE_CHARACTERS)("refuses %j: %s", (value, why) => {
    expect(verbatimPathProblem(value, { absolute: true })).toMatch(/^contains a character that is not allowed here: /);
    expect(verbatimPathProblem(value, { absolute: true })).toMatch(why);
    expect(verbatimTextProblem(value.slice("/dev/".length))).toMatch(why);
  });

  it.each(UNCLEAN)("refuses the non-canonical %j and names its clean form %j", (value, clean) => {
    expect(cleanPath(value)).toBe(clean);
    expect(verbatimPathProblem(value)).toBe(`is not a clean path (".", "..", doubled or trailing "/"); write ${JSON.stringify(clean)} if that is what is meant`);
  });

  it.each(["..", "../x", "../../x", "."])("refuses %j, which is or starts above where it is placed", (value) => {
    expect(verbatimPathProblem(value)).toMatch(/is not a clean path/);
  });

  it.each(["", "dev/x"])("refuses %j where an absolute path is needed", (value) => {
    expect(verbatimPathProblem(value, { absolute: true })).toMatch(/must be an absolute path/);
  });

  it.each(["/", "/dev/video0", "/dev/iio:device0", "/sys/class/thermal/thermal_zone0/temp", "/a/b.c/d-e_f+g~h%i&j", "/x/...", "/x/.hidden", "lib", "a/b", "..x", "x.."])(
    "accepts the canonical, plain %j",
    (value) => {
      expect(verbatimPathProblem(value)).toBeNull();
      expect(cleanPathProblem(value)).toBeNull();
    },
  );

  it("lets through only the pattern characters a caller asks for", () => {
    expect(verbatimPathProblem("/dev/bus/usb/*/[0-9]?", { absolute: true, globs: "*?[]" })).toBeNull();
    expect(verbatimPathProblem("frames-*", { globs: "*" })).toBeNull();
    expect(verbatimPathProblem("frames-?", { globs: "*" })).toMatch(/"\?"/);
    expect(verbatimPathProblem("/dev/(x)", { absolute: true, globs: "*?[]" })).toMatch(/"\("/);
    expect(verbatimPathProblem("/dev/x\x01", { absolute: true, globs: "*?[]" })).toMatch(/control character/);
  });
});
