import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./opengl-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
/** Interface-specific cases start from the module's own example slot. */
const VALID: AttrMap = m.examples!.slot!;
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("opengl-driver-libs", () => {
  it.each([
    ["opengl-4-6-ubuntu-2404"],
    ["opengl-(3..4)-(0..6)-ubuntu-2204"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: "opengl-4-ubuntu-2404" }, /opengl takes 2/],
    [{ ...VALID, compatibility: "opengles-3-2-ubuntu-2404" }, /tag 1 must be "opengl"/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });
});
