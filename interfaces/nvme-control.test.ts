import { describe, expect, it } from "vitest";
import type { KmodSnippet } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, devRuleLines, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import nvmeControl from "./nvme-control.js";

const ctx = connectedContext(nvmeControl, {}, {}, { system: true });
const text = snippet(nvmeControl, "connectedPlug", ctx);

describe("nvme-control", () => {
  it("grants the fabrics node, controllers and namespaces", () => {
    expect(devRuleLines(text)).toEqual(["/dev/nvme-fabrics rw,", "/dev/nvme[0-9]* rwk,", "/dev/nvme[0-9]*n[0-9]* rwk,"]);
  });

  it.each(["/etc/nvme/hostnqn r,", "/sys/devices/virtual/nvme-fabrics/** rw,", "/sys/module/nvme_core/parameters/* r,"])("grants %s", (rule) => {
    expect(ruleLines(text)).toContain(rule);
  });

  it("tags NVMe controllers and the fabrics node", () => {
    const udev = udevOf(nvmeControl, "connectedPlug", ctx);
    expect(udev).toEqual(['SUBSYSTEM=="nvme"', 'KERNEL=="nvme-fabrics"']);
    for (const m of udev) expect(safeUdevMatch(m, "test")).toBe(m);
  });

  it("has the system load the NVMe and NVMe/TCP drivers", () => {
    expect(nvmeControl.connectedPlug.kmod as KmodSnippet).toEqual({ load: ["nvme", "nvme-tcp"] });
    expect(seccompOf(nvmeControl, "connectedPlug", ctx)).toBe("");
  });

  it("is for classic systems, behind a snap declaration", () => {
    expect(nvmeControl.implicitOn).toEqual({ core: false, classic: true });
    expect(nvmeControl.baseDeclaration.plugs).toEqual({ "allow-installation": false, "deny-auto-connection": true });
  });
});
