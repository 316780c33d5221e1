import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./cuda-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
/** Interface-specific cases start from the module's own example slot. */
const VALID: AttrMap = m.examples!.slot!;
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("cuda-driver-libs", () => {
  it.each([
    ["cuda-12-ubuntu-2404"],
    ["cuda-(11..12)-ubuntu-(2404..2604)"],
    ["cuda-12-ubuntu-2404 OR cuda-13-ubuntu-2604"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: "cuda-12-ubuntu-2204" }, /outside \(2404\.\.\)/],
    [{ ...VALID, compatibility: "cuda-12" }, /must have 2 tags/],
    [{ ...VALID, compatibility: "opengl-4-6-ubuntu-2404" }, /tag 1 must be "cuda"/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });
});
