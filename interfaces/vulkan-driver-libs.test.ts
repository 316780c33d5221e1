import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./vulkan-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
/** Interface-specific cases start from the module's own example slot. */
const VALID: AttrMap = m.examples!.slot!;
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("vulkan-driver-libs", () => {
  it.each([
    ["vulkan-1-3-ubuntu-2404"],
    ["vulkan-1-(0..10)-ubuntu-2404"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: "vulkan-2-0-ubuntu-2404" }, /value 2 is outside 1/],
    [{ ...VALID, compatibility: "vulkan-1-11-ubuntu-2404" }, /value 11 is outside \(0\.\.10\)/],
    [{ ...VALID, "icd-source": undefined }, /icd-source must be set/],
    [{ ...VALID, "implicit-layer-source": "$SNAP/x" }, /implicit-layer-source must be a list/],
    [{ ...VALID, "explicit-layer-source": ["$SNAP/../x"] }, /explicit-layer-source\[0\] .* points outside/],
    [{ ...VALID, "explicit-layer-source": ["$SNAP/x**"] }, /character that is not allowed/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });
});
