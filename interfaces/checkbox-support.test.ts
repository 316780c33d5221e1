import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./checkbox-support.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const dbus = (direction: string, member: string) => rules.find((l) => l.startsWith(`dbus (${direction}) bus=system`) && l.includes(` member=${member} `));

describe("checkbox-support", () => {
  it.each([
    ["send", "StartTransientUnit", "path=/org/freedesktop/systemd1 "],
    ["send", "KillUnit", "path=/org/freedesktop/systemd1 "],
    ["receive", "JobRemoved", "path=/org/freedesktop/systemd1 "],
    ["receive", "PropertiesChanged", "path=/org/freedesktop/systemd1/unit/*_2eservice "],
  ])("grants %s of %s on %s, with systemd (unconfined) only", (direction, member, pathPart) => {
    const rule = dbus(direction, member);
    expect(rule).toBeDefined();
    expect(rule).toContain(pathPart);
    expect(rule).toMatch(/peer=\(label=unconfined\),$/);
  });

  it("reaches the system bus, and no other systemd method", () => {
    expect(rules).toContain("/{,var/}run/dbus/system_bus_socket rw,");
    const members = rules.filter((l) => l.includes("org.freedesktop.systemd1.Manager")).map((l) => /member=(\S+)/.exec(l)![1]);
    expect(members.sort()).toEqual(["JobRemoved", "KillUnit", "StartTransientUnit"]);
  });
});
