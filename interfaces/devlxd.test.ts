import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./devlxd.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("devlxd", () => {
  it.each([
    ["/dev/lxd/sock rw,", "a virtual machine's socket"],
    ["/var/snap/lxd/common/lxd/devlxd/sock rw,", "where a container's socket is bound from"],
  ])("grants %s (%s)", (rule) => {
    expect(rules).toContain(rule);
  });

  it("grants only the two socket paths and generic netlink sockets", () => {
    expect(rules).toHaveLength(2);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["socket AF_NETLINK - NETLINK_GENERIC"]);
  });

  it("is super-privileged on the plug side", () => {
    expect(m.baseDeclaration.plugs).toEqual({ "allow-installation": false, "deny-auto-connection": true });
  });
});
