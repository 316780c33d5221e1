import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, type Role } from "./test-support.js";
import mod from "./storage-framework-service.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));

describe("storage-framework-service", () => {
  it.each<[Role, string]>([
    ["connectedPlug", 'dbus (receive, send) bus=session interface=com.canonical.StorageFramework.Registry path=/com/canonical/StorageFramework/Registry peer=(label="snap.provider.*"),'],
    ["connectedPlug", 'dbus (receive, send) bus=session interface=com.canonical.StorageFramework.Provider.* path=/provider/* peer=(label="snap.provider.*"),'],
    ["connectedSlot", 'dbus (receive, send) bus=session interface=com.canonical.StorageFramework.Provider.* path=/provider/* peer=(label="snap.app.app"),'],
    ["permanentSlot", "/sys/kernel/security/apparmor/.access rw,"],
    ["permanentSlot", "dbus (bind) bus=session name=com.canonical.StorageFramework.Provider.*,"],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("binds but does not listen", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)))).toEqual(["bind"]);
  });
});
