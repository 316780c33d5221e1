import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./system-packages-doc.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("system-packages-doc", () => {
  it.each(["/usr/{,local/}share/doc/{,**} r,", "/usr/share/man/{,**} r,", "/usr/share/info/{,**} r,", "/usr/share/help/{,**} r,", "/usr/share/gimp/2.0/help/{,**} r,", "/usr/share/sphinx_rtd_theme/{,**} r,"])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("is read-only", () => {
    expect(rules.every((l) => l.endsWith(" r,"))).toBe(true);
  });
});
