import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./nvidia-drivers-support.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("nvidia-drivers-support", () => {
  it.each([
    ["/dev/nvidiactl rw,"],
    ["/dev/nvidia-uvm rw,"],
    ["/dev/nvidia-uvm-tools rw,"],
    ["/dev/nvidia-modeset rw,"],
    ["/dev/nvidia[0-9]* rw,"],
    ["@{PROC}/devices r,"],
    ["capability mknod,"],
    ["/{usr/bin/gnu,usr/lib/cargo/bin/coreutils/}mknod ixr,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });

  it("makes character device nodes only (S_IFCHR bits), as snapd", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["mknod - |020000 -", "mknodat - - |020000 -"]);
  });

  it("reaches no other device", () => {
    expect(rules.filter((l) => l.startsWith("/dev/")).every((l) => l.startsWith("/dev/nvidia"))).toBe(true);
  });
});
