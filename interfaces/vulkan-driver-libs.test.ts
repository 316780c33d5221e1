import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./vulkan-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
const VALID: AttrMap = { compatibility: "vulkan-1-(0..3)-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"], "icd-source": ["$SNAP/share/vulkan/icd.d"], "implicit-layer-source": ["$SNAP/share/vulkan/implicit_layer.d"] };
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("vulkan-driver-libs", () => {
  it("accepts the example slot and keeps its attributes", () => {
    expect(m.examples?.slot).toEqual(VALID);
    expect(m.sanitizeSlot!(slot(VALID))).toEqual(VALID);
    expect(m.sanitizeSlot!(slot({ ...VALID, extra: "kept, as in snapd" }))).toMatchObject({ extra: "kept, as in snapd" });
  });

  it.each([
    ["vulkan-1-3-ubuntu-2404"],
    ["vulkan-1-(0..10)-ubuntu-2404"],
  ])("accepts compatibility %j", (compatibility) => {
    expect(() => m.sanitizeSlot!(slot({ ...VALID, compatibility }))).not.toThrow();
  });

  it.each([
    [{ ...VALID, compatibility: undefined }, /compatibility must be set/],
    [{ ...VALID, compatibility: 12 }, /compatibility must be a string/],
    [{ ...VALID, compatibility: "" }, /empty/],
    [{ ...VALID, "library-source": undefined }, /library-source must be set/],
    [{ ...VALID, "library-source": "$SNAP/lib" }, /library-source must be a list/],
    [{ ...VALID, "library-source": ["/usr/lib"] }, /must start with \$SNAP\//],
    [{ ...VALID, "library-source": ["$SNAP/../../etc"] }, /points outside/],
    [{ ...VALID, "library-source": ["$SNAP/lib,/** rwx"] }, /character that is not allowed/],
    [{ ...VALID, "library-source": ["$SNAP/lib\n"] }, /character that is not allowed/],
    [{ ...VALID, "library-source": ["$SNAP/{a,b}"] }, /character that is not allowed/],
    [{ ...VALID, "library-source": ["$SNAP_COMPONENT(gpu)/lib"] }, /does not install snap components/],
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

  it("adds no confinement rules: what it does in snapd needs backends Plugboard does not have", () => {
    for (const role of ["connectedPlug", "connectedSlot", "permanentPlug", "permanentSlot"] as const) expect(m[role]).toBeUndefined();
    expect(m.sanitizePlug).toBeUndefined();
  });

  it("keeps the plug for the system snap and needs a snap declaration for the slot", () => {
    expect(m.baseDeclaration).toEqual({
      plugs: { "allow-installation": { "plug-snap-type": ["core"] }, "deny-auto-connection": true },
      slots: { "allow-installation": false, "deny-auto-connection": true },
    });
    expect(m.implicitOn).toEqual({ core: false, classic: false });
  });
});
