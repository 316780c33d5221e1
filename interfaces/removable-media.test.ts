import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./removable-media.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("removable-media", () => {
  it.each([
    ["/run/ r,", true],
    ["/{,run/}media/*/** mrwklix,", true],
    ["/mnt/** mrwklix,", true],
    // Broader than snapd: files directly in /media.
    ["/media/** mrwkl,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
