import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./netlink-connector.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });

describe("netlink-connector", () => {
  it("grants netlink sockets, limited by seccomp to NETLINK_CONNECTOR", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual(["network netlink,", "capability net_admin,"]);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["socket AF_NETLINK - NETLINK_CONNECTOR", "bind"]);
  });
});
