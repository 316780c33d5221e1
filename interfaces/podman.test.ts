import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./podman.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });

describe("podman", () => {
  it.each([
    ["apparmor", "/{,var/}run/podman/podman.sock rw,"],
    ["apparmor", "owner /{,var/}run/user/[0-9]*/podman/podman.sock rw,"],
    ["seccomp", "bind"],
    ["seccomp", "socket AF_NETLINK - NETLINK_GENERIC"],
  ])("grants (%s) %s", (kind, rule) => {
    const text = kind === "apparmor" ? snippet(m, "connectedPlug", ctx) : seccompOf(m, "connectedPlug", ctx);
    expect(ruleLines(text)).toContain(rule);
  });

  it("reaches only the sockets, and opens no other socket family", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toHaveLength(2);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toHaveLength(2);
  });

  it("is denied connection unless a snap declaration allows it, as in snapd", () => {
    expect(m.baseDeclaration.slots?.["deny-connection"]).toBe(true);
  });
});
