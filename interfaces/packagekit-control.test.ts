import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./packagekit-control.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("packagekit-control", () => {
  it.each([
    "/{,var/}run/dbus/system_bus_socket rw,",
    "dbus (receive, send) bus=system path=/org/freedesktop/PackageKit interface=org.freedesktop.PackageKit{,.Offline} peer=(label=unconfined),",
    "dbus (receive, send) bus=system path=/[0-9]*_[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f] interface=org.freedesktop.PackageKit.Transaction peer=(label=unconfined),",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("talks only to the unconfined PackageKit", () => {
    const dbus = rules().filter((l) => l.startsWith("dbus") && !l.includes("path=/org/freedesktop/DBus "));
    expect(dbus).toHaveLength(8);
    expect(dbus.every((l) => l.endsWith("peer=(label=unconfined),"))).toBe(true);
  });
});
