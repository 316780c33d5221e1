import { describe, expect, it } from "vitest";
import {
  MAX_SNAP_NAME_LENGTH,
  isSupportedHook,
  isValidAppContent,
  isValidAppName,
  isValidHookName,
  isValidInterfaceName,
  isValidPlugName,
  isValidSlotName,
  isValidSnapName,
  isValidVersion,
  snapNameProblem,
} from "./names.js";

const NAME_40 = "a" + "-b1".repeat(13); // 1 + 13 * 3 = 40 characters
const NAME_41 = NAME_40 + "x";

describe("test fixtures", () => {
  it("builds names of the intended lengths", () => {
    expect(NAME_40).toHaveLength(40);
    expect(NAME_41).toHaveLength(41);
    expect(MAX_SNAP_NAME_LENGTH).toBe(40);
  });
});

describe("snapNameProblem / isValidSnapName", () => {
  it.each([
    ["a"],
    ["foo"],
    ["foo-bar"],
    ["0ad"],
    ["a1-b2"],
    ["1-a"],
    ["a-1"],
    ["x11"],
    ["abcdefghijklmnopqrstuvwxyz0123456789"],
    [NAME_40],
    ["a".repeat(40)],
  ])("accepts %j", (name) => {
    expect(snapNameProblem(name)).toBeNull();
    expect(isValidSnapName(name)).toBe(true);
  });

  it.each([
    ["", /cannot be empty/],
    [NAME_41, /cannot be longer than 40 characters/],
    ["a".repeat(41), /cannot be longer than 40 characters/],
    ["Foo", /may only contain lowercase letters, digits and hyphens/],
    ["fooB", /may only contain lowercase letters, digits and hyphens/],
    ["-foo", /cannot start or end with a hyphen, nor contain two in a row/],
    ["foo-", /cannot start or end with a hyphen, nor contain two in a row/],
    ["foo--bar", /cannot start or end with a hyphen, nor contain two in a row/],
    ["-", /cannot start or end with a hyphen/],
    ["123", /must contain at least one letter/],
    ["1-2", /must contain at least one letter/],
    ["0", /must contain at least one letter/],
    ["foo_bar", /may only contain lowercase letters, digits and hyphens/],
    ["föo", /may only contain lowercase letters, digits and hyphens/],
    ["foo bar", /may only contain lowercase letters, digits and hyphens/],
    ["foo.bar", /may only contain lowercase letters, digits and hyphens/],
  ])("refuses %j", (name, problem) => {
    expect(snapNameProblem(name)).toMatch(problem);
    expect(isValidSnapName(name)).toBe(false);
  });

  it("checks a long hyphenated name quickly (no backtracking blow-up)", () => {
    const hostile = "a-".repeat(5000) + "!";
    const started = Date.now();
    expect(isValidSnapName(hostile)).toBe(false);
    expect(isValidSnapName("1-".repeat(19) + "1")).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("isValidAppName", () => {
  it.each([
    ["a", true],
    ["foo", true],
    ["Foo", true],
    ["FOO-Bar", true],
    ["0ad", true],
    ["1", true],
    ["123", true],
    ["a-1-B", true],
    ["-bad", false],
    ["bad-", false],
    ["a--b", false],
    ["", false],
    ["a_b", false],
    ["a.b", false],
    ["a b", false],
    ["äpp", false],
  ])("%j → %s", (name, expected) => {
    expect(isValidAppName(name)).toBe(expected);
  });
});

describe("isValidHookName", () => {
  it.each([
    ["configure", true],
    ["connect-plug-foo", true],
    ["a", true],
    ["a1", true],
    ["frobnicate", true],
    ["Configure", false],
    ["1abc", false],
    ["-a", false],
    ["a-", false],
    ["a--b", false],
    ["a_b", false],
    ["", false],
  ])("%j → %s", (name, expected) => {
    expect(isValidHookName(name)).toBe(expected);
  });
});

describe("isValidPlugName / isValidSlotName / isValidInterfaceName", () => {
  it.each([
    ["network", true],
    ["x11", true],
    ["a", true],
    ["home-all", true],
    ["a-b-c1", true],
    ["Network", false],
    ["1net", false],
    ["-net", false],
    ["net-", false],
    ["net--x", false],
    ["net_x", false],
    ["Bad!", false],
    ["", false],
  ])("%j → %s", (name, expected) => {
    expect(isValidPlugName(name)).toBe(expected);
    expect(isValidSlotName(name)).toBe(expected);
    expect(isValidInterfaceName(name)).toBe(expected);
  });
});

describe("isSupportedHook", () => {
  it.each([
    "configure",
    "default-configure",
    "install",
    "install-device",
    "pre-refresh",
    "post-refresh",
    "remove",
    "prepare-device",
    "gate-auto-refresh",
    "check-health",
    "fde-setup",
    "save",
    "connect-plug-foo",
    "connect-slot-foo",
    "disconnect-plug-foo-bar",
    "disconnect-slot-x11",
    "prepare-plug-foo",
    "prepare-slot-foo",
    "unprepare-plug-foo",
    "unprepare-slot-a1",
  ])("supports %j", (name) => {
    expect(isSupportedHook(name)).toBe(true);
  });

  it.each([
    "frobnicate",
    "upgrade",
    "connect-plug-",
    "connect-plug-Foo",
    "connect-plug-foo-",
    "connect-plug-1foo",
    "connect-foo",
    "connect-app-foo",
    "reconnect-plug-foo",
    "Configure",
    "",
  ])("does not support %j", (name) => {
    expect(isSupportedHook(name)).toBe(false);
  });
});

describe("isValidVersion", () => {
  it.each([
    ["1.0", true],
    ["1.0+git~x", true],
    ["1", true],
    ["a", true],
    ["v2", true],
    ["1:2.0-3", true],
    ["1.0~", true],
    ["1.0+", true],
    ["1".repeat(32), true],
    ["1." + "0".repeat(30), true],
    ["1".repeat(33), false],
    ["-1", false],
    ["1.0-", false],
    ["1.0:", false],
    ["1.0.", false],
    [".1", false],
    ["+1", false],
    ["~1", false],
    ["", false],
    ["1.0 beta", false],
    ["1.0_1", false],
    ["1.0/2", false],
  ])("%j → %s", (version, expected) => {
    expect(isValidVersion(version)).toBe(expected);
  });
});

describe("isValidAppContent", () => {
  it.each([
    ["bin/foo", true],
    ["bin/foo --flag $SNAP/x", true],
    ["foo.sh arg#1 a:b", true],
    ["", true],
    ["bin/foo 'x'", false],
    ['bin/foo "x"', false],
    ["bin/foo; rm", false],
    ["bin/foo | bar", false],
    ["bin/foo\tx", false],
    ["bin/foo\nx", false],
    ["bin/$(foo)", false],
  ])("%j → %s", (content, expected) => {
    expect(isValidAppContent(content)).toBe(expected);
  });
});
