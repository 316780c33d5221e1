import { describe, expect, it } from "vitest";
import { connectedContext, devRuleLines, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import vsockGuest from "./vsock-guest.js";

const ctx = connectedContext(vsockGuest, {}, {}, { system: true });

describe("vsock-guest", () => {
  it("grants vsock sockets and the vsock device", () => {
    expect(ruleLines(snippet(vsockGuest, "connectedPlug", ctx))).toContain("network vsock,");
    expect(devRuleLines(snippet(vsockGuest, "connectedPlug", ctx))).toEqual(["/dev/vsock rw,"]);
    expect(udevOf(vsockGuest, "connectedPlug", ctx)).toEqual(['KERNEL=="vsock"']);
  });

  it("lets the guest create, bind and serve AF_VSOCK sockets", () => {
    expect(ruleLines(seccompOf(vsockGuest, "connectedPlug", ctx))).toEqual(["socket AF_VSOCK", "bind", "listen", "accept", "accept4"]);
  });
});
