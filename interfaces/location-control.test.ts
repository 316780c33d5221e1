import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, snippet, type Role } from "./test-support.js";
import mod from "./location-control.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));
const S = "/com/ubuntu/location/Service";

describe("location-control", () => {
  it.each<[Role, string]>([
    ["connectedPlug", "/{,var/}run/dbus/system_bus_socket rw,"],
    ["connectedPlug", `dbus (send) bus=system path=${S} interface=com.ubuntu.location.Service member=AddProvider peer=(label="snap.provider.*"),`],
    ["connectedPlug", 'dbus (receive) bus=system path=/providers/{,**} interface=com.ubuntu.location.Service.Provider member={Satisfies,Enable,Disable,Activate,Deactivate,OnNewEvent} peer=(label="snap.provider.*"),'],
    ["connectedPlug", "dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),"],
    ["connectedSlot", `dbus (receive) bus=system path=${S} interface=com.ubuntu.location.Service member=AddProvider peer=(label="snap.app.app"),`],
    ["connectedSlot", 'dbus (send) bus=system path=/providers/{,**} interface=org.freedesktop.DBus.Properties member={Get,Set} peer=(label="snap.app.app"),'],
    ["permanentSlot", "dbus (bind) bus=system name=com.ubuntu.location.Service,"],
    ["permanentSlot", `dbus (receive, send) bus=system path=${S}{,/**} interface=org.freedesktop.DBus** peer=(label=unconfined),`],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("lets the client add providers but not receive AddProvider calls", () => {
    expect(rendered("connectedPlug").some((l) => l.startsWith("dbus (receive)") && l.includes("member=AddProvider"))).toBe(false);
  });
});
