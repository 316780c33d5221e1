import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./network-status.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("network-status", () => {
  it.each([
    ["dbus (send, receive) bus=session path=/org/freedesktop/portal/desktop interface=org.freedesktop.portal.NetworkMonitor peer=(label=unconfined),", true],
    ['unix (connect, receive, send) type=stream peer=(addr="@/tmp/dbus-*"),', true],
    // Broader than snapd: the portal's other properties.
    ["dbus (send) bus=session path=/org/freedesktop/portal/desktop interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=unconfined),", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
