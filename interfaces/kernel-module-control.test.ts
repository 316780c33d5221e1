import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./kernel-module-control.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("kernel-module-control", () => {
  it.each([
    "capability sys_module,",
    "capability syslog,",
    "@{PROC}/modules r,",
    "/{,usr/}bin/kmod ixr,",
    "/sys/module/{,**} r,",
    "/etc/modprobe.d/{,**} r,",
    "/{,usr/}lib/modprobe.d/{,**} r,",
    "/dev/mem r,",
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("loads and unloads modules, and tags /dev/mem", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["init_module", "finit_module", "delete_module"]);
    expect(udevOf(m, "connectedPlug", ctx)).toEqual(['KERNEL=="mem"']);
  });
  it("writes nothing and reads no module tree beyond configuration", () => {
    expect(rules.filter((l) => / [a-z]*w[a-z]*,$/.test(l))).toEqual([]);
    expect(rules.some((l) => l.includes("lib/modules"))).toBe(false);
  });
});
