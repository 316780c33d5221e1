import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./kernel-firmware-control.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });

describe("kernel-firmware-control", () => {
  it("grants setting the firmware search path, and nothing else", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual(["/sys/module/firmware_class/parameters/path rw,"]);
    expect(seccompOf(m, "connectedPlug", ctx).trim()).toBe("");
  });
  it("is super-privileged on the plug side", () => {
    expect(m.baseDeclaration.plugs).toEqual({ "allow-installation": false, "deny-auto-connection": true });
  });
});
