import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./opengles-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
/** Interface-specific cases start from the module's own example slot. */
const VALID: AttrMap = m.examples!.slot!;
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("opengles-driver-libs", () => {
  it.each([
    ["opengles-3-2-ubuntu-2404"],
    ["opengles-2-0-ubuntu-2404 OR opengles-3-2-ubuntu-2404"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: "opengl-4-6-ubuntu-2404" }, /tag 1 must be "opengles"/],
    [{ ...VALID, compatibility: "opengles-3-2-ubuntu-2404 AND opengles-3-ubuntu-2404" }, /opengles takes 2/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });
});
