import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./xdg-portal-permission-store.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("xdg-portal-permission-store", () => {
  it.each([
    "dbus (receive, send) bus=session interface={org.freedesktop.impl.portal.PermissionStore,org.freedesktop.DBus.Properties,org.freedesktop.DBus.Peer,org.freedesktop.DBus.Introspectable} path=/org/freedesktop/impl/portal/PermissionStore peer=(label=unconfined),",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("reaches only the PermissionStore object of the unconfined portal", () => {
    const dbus = rules().filter((l) => l.startsWith("dbus") && !l.includes("path=/org/freedesktop/DBus "));
    expect(dbus.every((l) => l.includes("path=/org/freedesktop/impl/portal/PermissionStore ") && l.endsWith("peer=(label=unconfined),"))).toBe(true);
  });
});
