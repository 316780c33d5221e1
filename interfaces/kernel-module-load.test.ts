import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./kernel-module-load.js";
import { plugInfo, connectedContext, ruleLines } from "./test-support.js";

const m: InterfaceModule = mod;
const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => plugInfo(snap, m.name, attrs, name);
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;

describe("kernel-module-load", () => {
  const refuse = (attrs: AttrMap, re: RegExp) => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs))).toThrow(re);
  };
  it.each([
    [{}, /non-empty list/],
    [{ modules: [] }, /non-empty list/],
    [{ modules: "rbd" }, /non-empty list/],
    [{ modules: ["rbd"] }, /must be a map/],
    [{ modules: [{ name: "rbd" }] }, /must set load or options/],
    [{ modules: [{ name: "rb d", load: "on-boot" }] }, /not a kernel module name/],
    [{ modules: [{ name: "../x", load: "on-boot" }] }, /not a kernel module name/],
    [{ modules: [{ name: "rbd", load: "always" }] }, /is not one of/],
    [{ modules: [{ name: "rbd", load: "denied", options: "a=1" }] }, /load is denied/],
    [{ modules: [{ name: "rbd", options: "a=1\nb" }] }, /not module parameters/],
    [{ modules: [{ name: "rbd", options: "1a=2" }] }, /not module parameters/],
    [{ modules: [{ name: "rbd", load: "on-boot", extra: 1 }] }, /unknown attribute "extra"/],
    [{ modules: [{ name: "rbd", load: "on-boot" }], other: 1 }, /unknown attribute "other"/],
  ])("refuses %j", (attrs, re) => refuse(attrs as AttrMap, re));
  it("accepts options with paths and several parameters", () => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", { modules: [{ name: "snd_hda_intel", options: "power_save=1 model=$SNAP_COMMON/x probe_mask" }] }))).not.toThrow();
  });
  it("grants nothing to the snap unless a module is loaded dynamically", () => {
    const boot = ctx({ modules: [{ name: "rbd", load: "on-boot" }, { name: "floppy", load: "denied" }] });
    expect(snippetText(m.connectedPlug!.apparmor, boot).trim()).toBe("");
    expect(snippetText(m.connectedPlug!.seccomp, boot).trim()).toBe("");
    const dyn = ctx({ modules: [{ name: "dummy", load: "dynamic" }] });
    expect(lines(snippetText(m.connectedPlug!.apparmor, dyn))).toContain("capability sys_module,");
    expect(lines(snippetText(m.connectedPlug!.seccomp, dyn))).toEqual(["init_module", "finit_module"]);
  });
});

