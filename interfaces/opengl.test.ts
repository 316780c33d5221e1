import { describe, expect, it } from "vitest";
import { snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./opengl.js";
import { connectedContext, ruleLines, udevOf as udevOfRole } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;
const udevOf = (c: ConnectedContext): readonly string[] => udevOfRole(m, "connectedPlug", c);

describe("opengl", () => {
  it("tags exactly the intended devices, with acceptable udev matches", () => {
    expect(udevOf(ctx())).toEqual(['SUBSYSTEM=="drm", KERNEL=="card[0-9]*"', 'SUBSYSTEM=="drm", KERNEL=="renderD[0-9]*"', 'KERNEL=="nvidia[0-9]*"', 'KERNEL=="nvidiactl"', 'KERNEL=="nvidia-modeset"', 'KERNEL=="nvidia-uvm"', 'KERNEL=="nvidia-uvm-tools"']);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
  it("grants exactly the intended device nodes", () => {
    const devs = lines(snippetText(m.connectedPlug!.apparmor, ctx())).filter((l) => l.startsWith("/dev/"));
    expect(devs).toEqual(['/dev/dri/ r,', '/dev/dri/card[0-9]* rw,', '/dev/dri/renderD[0-9]* rw,', '/dev/dri/by-path/ r,', '/dev/nvidiactl rw,', '/dev/nvidia[0-9]* rw,', '/dev/nvidia-modeset rw,', '/dev/nvidia-uvm rw,', '/dev/nvidia-uvm-tools rw,', '/dev/nvidia-caps/ r,', '/dev/nvidia-caps/nvidia-cap[0-9]* rw,']);
  });
});

