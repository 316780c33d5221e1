import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, type Role } from "./test-support.js";
import mod from "./online-accounts-service.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));

describe("online-accounts-service", () => {
  it.each<[Role, string]>([
    ["connectedPlug", 'dbus (receive, send) bus=session interface=com.ubuntu.OnlineAccounts.Manager path=/com/ubuntu/OnlineAccounts{,/**} peer=(label="snap.provider.*"),'],
    ["connectedPlug", 'dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=/com/ubuntu/OnlineAccounts member=Introspect peer=(label="snap.provider.*"),'],
    ["connectedSlot", 'dbus (receive, send) bus=session path=/com/ubuntu/OnlineAccounts{,/**} interface=com.ubuntu.OnlineAccounts.Manager peer=(label="snap.app.app"),'],
    ["permanentSlot", "dbus (bind) bus=session name=com.ubuntu.OnlineAccounts.Manager,"],
    ["permanentSlot", "dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={RequestName,ReleaseName,GetConnectionCredentials} peer=(name=org.freedesktop.DBus, label=unconfined),"],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("serves connections as a bus service", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)))).toEqual(["bind", "listen", "accept", "accept4"]);
  });
});
