import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, snippet, type Role } from "./test-support.js";
import mod from "./thumbnailer-service.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));

describe("thumbnailer-service", () => {
  it.each<[Role, string]>([
    ["connectedPlug", 'dbus (receive, send) bus=session interface=com.canonical.Thumbnailer path=/com/canonical/Thumbnailer peer=(label="snap.provider.*"),'],
    ["connectedSlot", "/snap/app/** r,"],
    ["connectedSlot", "owner @{HOME}/snap/app/** r,"],
    ["connectedSlot", "/var/snap/app/** r,"],
    ["connectedSlot", 'dbus (receive, send) bus=session interface=com.canonical.Thumbnailer path=/com/canonical/Thumbnailer peer=(label="snap.app.app"),'],
    ["permanentSlot", "dbus (bind) bus=session name=com.canonical.Thumbnailer,"],
    ["permanentSlot", "/sys/kernel/security/apparmor/.access rw,"],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("reads only the connected client's files, never write", () => {
    const files = rendered("connectedSlot").filter((l) => !l.startsWith("dbus"));
    expect(files).toHaveLength(3);
    expect(files.every((l) => l.includes("/snap/app/") && l.endsWith(" r,"))).toBe(true);
  });
});
