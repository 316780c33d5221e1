import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import mod from "./polkit-agent.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const text = () => snippet(m, "connectedPlug", ctx());
/** The rules outside the helper's child profile, and those inside it. */
const parts = () => {
  const lines = text().split("\n");
  const start = lines.findIndex((l) => l.startsWith("profile polkit_agent_helper"));
  const end = lines.findIndex((l, i) => i > start && l === "}");
  return { agent: ruleLines(lines.slice(0, start).join("\n")), helper: ruleLines(lines.slice(start + 1, end).join("\n")) };
};

describe("polkit-agent", () => {
  it.each<["agent" | "helper", string]>([
    ["agent", "dbus (receive, send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.PolicyKit1.Authority peer=(label=unconfined),"],
    ["agent", "dbus (receive) bus=system interface=org.freedesktop.PolicyKit1.AuthenticationAgent peer=(label=unconfined),"],
    ["agent", "dbus (receive, send) bus=system path=/org/freedesktop/Accounts interface=org.freedesktop.Accounts member=FindUserByName peer=(label=unconfined),"],
    ["agent", "/usr/lib{exec,/polkit-1}/polkit-agent-helper-1 Cxr -> polkit_agent_helper,"],
    ["helper", "include <abstractions/authentication>"],
    ["helper", "/var/lib/extrausers/shadow r,"],
    ["helper", "capability audit_write,"],
    ["helper", "signal (receive) set=(term) peer=snap.@{SNAP_INSTANCE_NAME}.*,"],
    ["helper", "dbus (send) bus=system path=/org/freedesktop/PolicyKit1/Authority interface=org.freedesktop.PolicyKit1.Authority member=AuthenticationAgentResponse2 peer=(label=unconfined),"],
  ])("the %s gets %s", (where, line) => {
    expect(parts()[where]).toContain(line);
  });

  it("keeps password databases to the helper", () => {
    expect(parts().agent.some((l) => l.includes("shadow") || l.startsWith("capability"))).toBe(false);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx()))).toEqual(["bind", "socket AF_NETLINK - NETLINK_AUDIT"]);
  });
});
