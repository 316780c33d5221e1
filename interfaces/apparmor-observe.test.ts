import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import apparmorObserve from "./apparmor-observe.js";

const ctx = connectedContext(apparmorObserve, {}, {}, { system: true });

describe("apparmor-observe", () => {
  it("grants the query file read-write and nothing else of securityfs", () => {
    expect(ruleLines(snippet(apparmorObserve, "connectedPlug", ctx))).toEqual(["/sys/kernel/security/apparmor/.access rw,"]);
    expect(seccompOf(apparmorObserve, "connectedPlug", ctx).trim()).toBe("");
  });
});
