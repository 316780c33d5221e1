import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import mod from "./empty.js";

const empty: InterfaceModule = mod;

describe("empty", () => {
  it("connects app to app without any rule, and takes any attributes", () => {
    const ctx = connectedContext(empty, { "before-connect": "x" }, { "producer-num-1": 1 });
    expect(ruleLines(snippet(empty, "connectedPlug", ctx))).toEqual([]);
    expect(ruleLines(snippet(empty, "connectedSlot", ctx))).toEqual([]);
    expect(empty.sanitizePlug).toBeUndefined();
    expect(empty.sanitizeSlot).toBeUndefined();
  });
});
