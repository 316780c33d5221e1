import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import blockDevices from "./block-devices.js";

describe("block-devices", () => {
  it("grants disks and partitions but no loop or device-mapper volumes", () => {
    const dev = devRules(blockDevices);
    expect(dev).toContain("/dev/sd{,[a-h]}[a-z]{,[0-9]*} rwk,");
    expect(dev).toContain("/dev/nvme[0-9]*n[0-9]*{,p[0-9]*} rwk,");
    expect(dev.some((l) => /loop|dm-|mapper/.test(l))).toBe(false);
    expect(udev(blockDevices)).toEqual(['SUBSYSTEM=="block"', 'SUBSYSTEM=="nvme", KERNEL=="nvme[0-9]*"']);
    for (const u of udev(blockDevices)) expect(safeUdevMatch(u, "block-devices")).toBe(u);
  });
});
