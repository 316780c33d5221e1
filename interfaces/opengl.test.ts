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
const rules = lines(snippetText(m.connectedPlug!.apparmor, ctx()));

describe("opengl", () => {
  it("tags the devices snapd tags, with acceptable udev matches", () => {
    const u = udevOf(ctx());
    expect(u).toContain('SUBSYSTEM=="drm", KERNEL=="card[0-9]*"');
    expect(u).toContain('KERNEL=="renderD[0-9]*"');
    expect(u).toContain('SUBSYSTEM=="kfd", KERNEL=="kfd"');
    expect(u).toContain('SUBSYSTEM=="nvidia-gpu-v2", KERNEL=="ctrl"');
    expect(u).toHaveLength(19);
    // snapd does not tag NVIDIA's sysfs-less nodes.
    expect(u).not.toContain('KERNEL=="nvidiactl"');
    for (const x of u) expect(safeUdevMatch(x, "t")).toBe(x);
  });
  it.each([
    ["/dev/dri/card[0-9]* rw,", true],
    ["/dev/nvidia* rw,", true],
    ["/dev/kfd rw,", true],
    ["/dev/mali[0-9]* rw,", true],
    ["/dev/dma_heap/linux,cma rw,", true],
    ['unix (send, receive) type=stream peer=(label="Xorg"),', true],
    ["/run/nvidia-persistenced/socket rw,", true],
    ["/sys/devices/**/drm{,_dp_aux_dev}/** r,", true],
    ["/usr/share/libdrm/amdgpu.ids r,", true],
    // Broader than snapd: gone.
    ["/dev/dri/by-path/ r,", false],
    ["/etc/vulkan/** r,", false],
    ["owner @{HOME}/.cache/mesa_shader_cache/** rwk,", false],
    ["@{PROC}/driver/nvidia/capabilities/** r,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
  it("leaves out snapd's host-filesystem view", () => {
    expect(rules.some((l) => l.includes("/var/lib/snapd/hostfs"))).toBe(false);
  });
});
