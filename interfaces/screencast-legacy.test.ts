import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./screencast-legacy.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("screencast-legacy", () => {
  it.each([
    ["dbus (send) bus=session path=/org/gnome/Shell/Screen{cast,shot} interface=org.gnome.Shell.Screen{cast,shot} peer=(label=unconfined),", true],
    ["/var/lib/dbus/machine-id r,", true],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
