import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import ubuntuProControl from "./ubuntu-pro-control.js";

const rules = ruleLines(snippet(ubuntuProControl, "connectedPlug", connectedContext(ubuntuProControl, {}, {}, { system: true })));

describe("ubuntu-pro-control", () => {
  it.each([
    "/etc/ubuntu-advantage/uaclient.conf r,",
    "dbus (send) bus=system path=/com/canonical/UbuntuAdvantage/Manager interface=com.canonical.UbuntuAdvantage.Manager member={Attach,Detach} peer=(name=com.canonical.UbuntuAdvantage),",
    "dbus (send) bus=system path=/com/canonical/UbuntuAdvantage/Services/* interface=com.canonical.UbuntuAdvantage.Service member={Enable,Disable} peer=(name=com.canonical.UbuntuAdvantage),",
    "dbus (receive) bus=system path=/ interface=org.freedesktop.DBus.ObjectManager member={InterfacesAdded,InterfacesRemoved} peer=(label=unconfined),",
  ])("grants %s", (rule) => expect(rules).toContain(rule));

  it("sends only to the Pro daemon's name, apart from the bus itself", () => {
    const sends = rules.filter((r) => r.startsWith("dbus (send)") && !r.includes("path=/org/freedesktop/DBus "));
    expect(sends.length).toBeGreaterThan(0);
    for (const r of sends) expect(r).toMatch(/ peer=\(name=com\.canonical\.UbuntuAdvantage\),$/);
  });
});
