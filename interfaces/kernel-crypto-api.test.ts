import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./kernel-crypto-api.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });

describe("kernel-crypto-api", () => {
  it("grants AF_ALG sockets and the crypto netlink family", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual(["@{PROC}/crypto r,", "network alg seqpacket,", "network netlink dgram,", "network netlink raw,"]);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["socket AF_ALG", "socket AF_NETLINK - NETLINK_CRYPTO", "bind", "accept"]);
  });
});
