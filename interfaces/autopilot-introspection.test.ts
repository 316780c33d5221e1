import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./autopilot-introspection.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("autopilot-introspection", () => {
  it.each([
    "owner /{,var/}run/user/[0-9]*/bus rw,",
    "dbus (receive) bus=session path=/com/canonical/Autopilot/** interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),",
    "dbus (receive) bus=session path=/com/canonical/Autopilot/Introspection interface=com.canonical.Autopilot.Introspection member={GetVersion,GetState} peer=(label=unconfined),",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("only answers the test runner, never calls out to it", () => {
    const dbus = rules().filter((l) => l.startsWith("dbus") && !l.includes("path=/org/freedesktop/DBus "));
    expect(dbus.every((l) => l.startsWith("dbus (receive)") && l.endsWith("peer=(label=unconfined),"))).toBe(true);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx()))).toEqual([]);
  });
});
