import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./gbm-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
/** Interface-specific cases start from the module's own example slot. */
const VALID: AttrMap = m.examples!.slot!;
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("gbm-driver-libs", () => {
  it.each([
    ["gbmbackend-1-arch32-ubuntu-2404"],
    ["gbmbackend-1-arch64-0-ubuntu-2404"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: "gbmbackend-1-arch16-ubuntu-2404" }, /tag 2 must be "arch64"/],
    [{ ...VALID, compatibility: "gbmbackend-1-arch64-1-ubuntu-2404" }, /outside 0/],
    [{ ...VALID, "client-driver": undefined }, /client-driver must be set/],
    [{ ...VALID, "client-driver": 3 }, /client-driver must be a string/],
    [{ ...VALID, "client-driver": "../libgbm.so" }, /must be a file name, not a path/],
    [{ ...VALID, "client-driver": "lib gbm.so" }, /not a file name/],
    [{ ...VALID, "client-driver": "gbm.so\n" }, /not a file name/],
    [{ ...VALID, "client-driver": "gbm{,x}.so" }, /not a file name/],
    [{ ...VALID, "client-driver": ".." }, /not a file name/],
    [{ ...VALID, "client-driver": "" }, /not a file name/],
  ] as [Record<string, unknown>, RegExp][])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });
});
