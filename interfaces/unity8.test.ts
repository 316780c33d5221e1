import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import mod from "./unity8.js";

const m: InterfaceModule = mod;
const rules = () => ruleLines(snippet(m, "connectedPlug", connectedContext(m)));

describe("unity8", () => {
  it.each([
    "owner /{,var/}run/user/[0-9]*/bus rw,",
    "/usr/share/fonts/{,**} r,",
    "/var/cache/fontconfig/** mr,",
    "/usr/share/glib*/schemas/{,*} r,",
    'dbus (send) bus=session path=/com/canonical/URLDispatcher interface=com.canonical.URLDispatcher member=DispatchURL peer=(name=com.canonical.URLDispatcher, label="snap.provider.*"),',
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("reaches the pasteboard only through the shell's Content Hub, by name and label", () => {
    const hub = rules().filter((l) => l.includes("com.ubuntu.content.dbus.Service"));
    expect(hub).toHaveLength(2);
    expect(hub.every((l) => l.endsWith('peer=(name=com.ubuntu.content.dbus.Service, label="snap.provider.*"),'))).toBe(true);
  });

  it("is installable only by declaration on the plug side", () => {
    expect(m.baseDeclaration.plugs).toEqual({ "allow-installation": false });
  });
});
