import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./netlink-audit.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });

describe("netlink-audit", () => {
  it("grants netlink sockets, limited by seccomp to NETLINK_AUDIT", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual(["network netlink,", "capability net_admin,", "capability audit_read,", "capability audit_write,"]);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["socket AF_NETLINK - NETLINK_AUDIT", "bind"]);
  });
});
