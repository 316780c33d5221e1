import { describe, expect, it } from "vitest";
import locationObserve from "./location-observe.js";
import { connectedContext, permanentContext, ruleLines, snippet } from "./test-support.js";

const m = locationObserve;
const ctx = connectedContext(m, {}, {}, { slotSnap: "location" });
const client = ruleLines(snippet(m, "connectedPlug", ctx));
const served = ruleLines(snippet(m, "connectedSlot", ctx));
const service = ruleLines(snippet(m, "permanentSlot", permanentContext(m, {}, "location")));

describe("location-observe", () => {
  it.each([
    'dbus (send) bus=system path=/com/ubuntu/location/Service interface=com.ubuntu.location.Service member=CreateSessionForCriteria peer=(label="snap.location.*"),',
    'dbus (send) bus=system path=/sessions/* interface=com.ubuntu.location.Service.Session member="{Start,Stop}HeadingUpdates" peer=(label="snap.location.*"),',
    'dbus (receive) bus=system path=/com/ubuntu/location/Service/sessions/* interface=com.ubuntu.location.Service.Session member="Update{Position,Heading,Velocity}" peer=(label="snap.location.*"),',
    "dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),",
  ])("the client gets %s", (rule) => {
    expect(client).toContain(rule);
  });

  it("the client no longer gets every interface under the service's path", () => {
    expect(client.filter((l) => l.includes("Service{,/**}"))).toEqual([]);
  });

  it("the service hosts the client's sessions and sends updates", () => {
    expect(served).toContain('dbus (bind) bus=system name="com.ubuntu.location.Service.Session",');
    expect(served).toContain('dbus (send) bus=system path=/sessions/* interface=com.ubuntu.location.Service.Session member="Update{Position,Heading,Velocity}" peer=(label="snap.app.app"),');
    expect(served).toHaveLength(8);
  });

  it("the service owns its name and answers unconfined callers on the bus's interfaces", () => {
    expect(service).toContain('dbus (bind) bus=system name="com.ubuntu.location.Service",');
    expect(service).toContain("dbus (receive, send) bus=system path=/com/ubuntu/location/Service{,/**} interface=org.freedesktop.DBus** peer=(label=unconfined),");
  });
});
