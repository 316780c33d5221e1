import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./nvidia-video-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
/** Interface-specific cases start from the module's own example slot. */
const VALID: AttrMap = m.examples!.slot!;
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("nvidia-video-driver-libs", () => {
  it.each([
    ["nvidia-0-video-12-2-ubuntu-2404"],
    ["nvidia-video-(12..13)-(0..9)-ubuntu-2604"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: "nvidia-1-video-12-2-ubuntu-2404" }, /value 1 is outside 0/],
    [{ ...VALID, compatibility: "nvidia-video-12-ubuntu-2404" }, /video takes 2/],
    [{ ...VALID, compatibility: "nvidia-video-12-2-ubuntu-2204" }, /outside \(2404\.\.\)/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });
});
