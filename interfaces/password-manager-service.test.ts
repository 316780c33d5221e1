import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./password-manager-service.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("password-manager-service", () => {
  it.each([
    ["dbus (receive, send) bus=session path=/org/freedesktop/secrets{,/**} interface=org.freedesktop.Secret.{Collection,Item,Prompt,Service,Session} peer=(label=unconfined),", true],
    ["dbus (receive, send) bus=session path=/modules/kwalletd{,[56]} interface=org.freedesktop.DBus.* peer=(label=unconfined),", true],
    ["/etc/machine-id r,", true],
    // Broader than snapd: any Secret interface.
    ["dbus (send, receive) bus=session path=/org/freedesktop/secrets{,/**} interface=org.freedesktop.Secret.* peer=(label=unconfined),", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
