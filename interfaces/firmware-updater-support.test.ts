import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./firmware-updater-support.js";

const m: InterfaceModule = mod;

describe("firmware-updater-support", () => {
  it.each([["connectedPlug"], ["connectedSlot"], ["permanentPlug"], ["permanentSlot"]] as const)("adds no confinement rules (%s), as in snapd", (role) => {
    expect(m[role]).toBeUndefined();
  });

  it("is reserved: only a snap allowed by its declaration may have the plug", () => {
    expect(m.baseDeclaration.plugs).toEqual({ "allow-installation": false, "deny-auto-connection": true });
    expect(m.implicitOn).toEqual({ core: true, classic: true });
  });
});
