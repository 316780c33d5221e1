import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./egl-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
/** Interface-specific cases start from the module's own example slot. */
const VALID: AttrMap = m.examples!.slot!;
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("egl-driver-libs", () => {
  it.each([
    ["egl-1-5-ubuntu-2404"],
    ["egl-1-5-ubuntu-(2204..2404)"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: "egl-1-4-ubuntu-2404" }, /value 4 is outside 5/],
    [{ ...VALID, priority: undefined }, /priority must be set/],
    [{ ...VALID, priority: 0 }, /positive/],
    [{ ...VALID, priority: -3 }, /positive/],
    [{ ...VALID, priority: 1.5 }, /whole number/],
    [{ ...VALID, priority: "10" }, /whole number/],
    [{ ...VALID, "icd-source": undefined }, /icd-source must be set/],
    [{ ...VALID, "icd-source": ["$SNAP/../icd"] }, /icd-source\[0\] "\$SNAP\/\.\.\/icd" points outside/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });
});
