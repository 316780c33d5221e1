import { describe, expect, it } from "vitest";
import { snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import mod, { kvmModuleFor } from "./kvm.js";
import { connectedContext, ruleLines, udevOf as udevOfRole } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;
const udevOf = (c: ConnectedContext): readonly string[] => udevOfRole(m, "connectedPlug", c);

describe("kvm", () => {
  it("tags exactly the intended devices, with acceptable udev matches", () => {
    expect(udevOf(ctx())).toEqual(['KERNEL=="kvm"']);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
  it("grants exactly the intended device nodes", () => {
    const devs = lines(snippetText(m.connectedPlug!.apparmor, ctx())).filter((l) => l.startsWith("/dev/"));
    expect(devs).toEqual(['/dev/kvm rw,']);
  });
  it("grants snapd's sysfs parameters, and not /proc/cpuinfo", () => {
    const all = lines(snippetText(m.connectedPlug!.apparmor, ctx()));
    expect(all).toContain("/sys/module/kvm_hv/parameters/nested r,");
    expect(all).toContain("/sys/module/kvm_amd/parameters/sev r,");
    expect(all).not.toContain("@{PROC}/cpuinfo r,");
    expect(all).not.toContain("/sys/module/kvm{,_intel,_amd}/parameters/* r,");
  });
  it.each([
    [["fpu", "vme", "vmx", "sse"], "kvm_intel"],
    [["fpu", "svm"], "kvm_amd"],
    [["fpu"], "kvm"],
    [[], "kvm"],
  ])("loads the module for a CPU with flags %j: %s", (cpuFlags, module) => {
    expect(kvmModuleFor(cpuFlags)).toBe(module);
    const kmod = m.connectedPlug!.kmod as (c: ConnectedContext) => { load: string[] };
    expect(kmod({ ...ctx(), host: { apparmorParser: new Set(), cpuFlags } }).load).toEqual([module]);
  });
});
