import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import mod from "./snap-fde-control.js";

const snapFdeControl: InterfaceModule = mod;

const ctx = connectedContext(snapFdeControl, {}, {}, { system: true });

describe("snap-fde-control", () => {
  it("grants the daemon's API sockets and nothing else", () => {
    expect(ruleLines(snippet(snapFdeControl, "connectedPlug", ctx))).toEqual(["/run/snapd.socket rw,", "/run/plugboard.socket rw,"]);
    expect(seccompOf(snapFdeControl, "connectedPlug", ctx).trim()).toBe("");
    expect(snapFdeControl.connectedSlot).toBeUndefined();
  });

  it("needs a snap declaration to be installed", () => {
    expect(snapFdeControl.baseDeclaration.plugs).toEqual({ "allow-installation": false, "deny-auto-connection": true });
    expect(snapFdeControl.implicitOn).toEqual({ core: true, classic: true });
  });
});
