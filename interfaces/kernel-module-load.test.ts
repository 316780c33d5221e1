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
    [{ modules: [{ name: "rbd", options: "*" }] }, /not module parameters/],
    [{ modules: [{ name: "rbd", options: "" }] }, /must set load or options/],
    [{ modules: [{ name: "rbd", load: "on-boot", options: 3 }] }, /must be a string/],
  ])("refuses %j", (attrs, re) => refuse(attrs as AttrMap, re));
  it("accepts options with paths and several parameters", () => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", { modules: [{ name: "snd_hda_intel", options: "power_save=1 model=$SNAP_COMMON/x probe_mask" }] }))).not.toThrow();
  });
  it.each([
    [{ modules: [{ name: "rbd", load: "on-boot", extra: 1 }] }],
    [{ modules: [{ name: "rbd", load: "on-boot" }], other: 1 }],
    [{ modules: [{ name: "dummy", load: "dynamic", options: "*" }] }],
    [{ modules: [{ name: "floppy", load: "denied", options: "" }] }],
  ])("accepts %j, as snapd does", (attrs) => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).not.toThrow();
  });

  it("grants the snap nothing, dynamic included: it all goes to the module loader", () => {
    const dyn = ctx({ modules: [{ name: "dummy", load: "dynamic" }] });
    expect(snippetText(m.connectedPlug!.apparmor, dyn).trim()).toBe("");
    expect(snippetText(m.connectedPlug!.seccomp, dyn).trim()).toBe("");
  });

  it("loads on-boot modules, refuses denied ones and sets options, with $SNAP_COMMON expanded", () => {
    const kmod = m.connectedPlug!.kmod as (c: ConnectedContext) => unknown;
    expect(
      kmod(
        ctx({
          modules: [
            { name: "rbd", load: "on-boot", options: "a=1  b" },
            { name: "dummy", load: "dynamic", options: "numdummies=2" },
            { name: "any", load: "dynamic", options: "*" },
            { name: "fw", options: "path=$SNAP_COMMON/fw.bin" },
            { name: "floppy", load: "denied" },
          ],
        }),
      ),
    ).toEqual({ load: ["rbd"], deny: ["floppy"], options: { rbd: "a=1 b", dummy: "numdummies=2", fw: "path=/var/snap/app/common/fw.bin" } });
  });
});

