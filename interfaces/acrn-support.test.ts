import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./acrn-support.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });

describe("acrn-support", () => {
  it.each([
    ["/dev/acrn_hsm rw,"],
    ["/sys/devices/system/cpu/cpu[0-9]*/online rw,"],
  ])("grants %s", (rule) => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toContain(rule);
  });

  it("tags the hypervisor device and grants nothing else", () => {
    expect(udevOf(m, "connectedPlug", ctx)).toEqual(['KERNEL=="acrn_hsm"']);
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toHaveLength(2);
  });
});
