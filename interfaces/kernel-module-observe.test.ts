import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import kernelModuleObserve from "./kernel-module-observe.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = kernelModuleObserve;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("kernel-module-observe", () => {
  it("grants exactly snapd's rules", () => {
    expect(rules).toEqual([
      "/{,usr/}bin/kmod ixr,",
      "@{PROC}/modules r,",
      "capability syslog,",
      "/sys/module/{,**} r,",
      "/etc/modprobe.d/{,**} r,",
      "/{,usr/}lib/modprobe.d/{,**} r,",
    ]);
  });

  it.each(["/{,usr/}lib/modules/ r,", "/{,usr/}lib/modules/** r,"])("does not grant %s (the module files on disk)", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("allows syslog(2), which snapd's default template allows", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["syslog"]);
  });

  it("neither loads modules nor grants loading them", () => {
    expect(m.connectedPlug?.kmod).toBeUndefined();
    expect(rules).not.toContain("capability sys_module,");
  });
});
