import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./opengles-driver-libs.js";
import { plugInfo } from "./test-support.js";

const m: InterfaceModule = mod;
const VALID: AttrMap = { compatibility: "opengles-3-2-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] };
/** The slot's attributes, with undefined ones taken out. */
const slot = (attrs: Record<string, unknown>) => plugInfo("driver", m.name, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as AttrMap, "libs");

describe("opengles-driver-libs", () => {
  it("accepts the example slot and keeps its attributes", () => {
    expect(m.examples?.slot).toEqual(VALID);
    expect(m.sanitizeSlot!(slot(VALID))).toEqual(VALID);
    expect(m.sanitizeSlot!(slot({ ...VALID, extra: "kept, as in snapd" }))).toMatchObject({ extra: "kept, as in snapd" });
  });

  it.each([
    ["opengles-3-2-ubuntu-2404"],
    ["opengles-2-0-ubuntu-2404 OR opengles-3-2-ubuntu-2404"],
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
    [{ ...VALID, compatibility: "opengl-4-6-ubuntu-2404" }, /tag 1 must be "opengles"/],
    [{ ...VALID, compatibility: "opengles-3-2-ubuntu-2404 AND opengles-3-ubuntu-2404" }, /opengles takes 2/],
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
