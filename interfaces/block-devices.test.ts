import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import blockDevices from "./block-devices.js";
import { connectedContext, endpointOf, ruleLines, snippet, udevOf } from "./test-support.js";

const m = blockDevices;
const rules = (attrs: AttrMap = {}) => ruleLines(snippet(m, "connectedPlug", connectedContext(m, attrs, {}, { system: true })));
const udev = (attrs: AttrMap = {}) => udevOf(m, "connectedPlug", connectedContext(m, attrs, {}, { system: true }));

describe("block-devices", () => {
  it.each([
    "@{PROC}/devices r,",
    "/dev/sd{,[a-h]}[a-z] rwk,",
    "/dev/loop[0-9]{,[0-9],[0-9][0-9]} rwk,",
    "/dev/loop-control rw,",
    "/dev/zfs rw,",
    "/dev/nvme{[0-9],[1-9][0-9]}n{[1-9],[1-5][0-9],6[0-3]} rwk,",
    "/dev/nvme{[0-9],[1-9][0-9]} rwk,",
    "/dev/megaraid_sas_ioctl_node rw,",
    "/sys/devices/**/host*/**/state rw,",
    "/{,usr/}sbin/blkid ixr,",
    "/etc/hostid r,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules()).toContain(rule);
  });

  it.each([
    "/dev/sd{,[a-h]}[a-z]{,[0-9]*} rwk,",
    "/dev/sr[0-9]* rwk,",
    "/dev/md[0-9]* rwk,",
    "/dev/disk/** r,",
    "/sys/devices/**/nvme/** r,",
    "@{PROC}/partitions r,",
    "/dev/sd[a-z][1-9]{,[0-6]} rwk,",
  ])("without allow-partitions does not grant %s", (rule) => {
    expect(rules()).not.toContain(rule);
  });

  it("grants partitions and tags them only with allow-partitions: true", () => {
    expect(rules({ "allow-partitions": true })).toContain("/dev/sd[a-z][1-9]{,[0-6]} rwk,");
    expect(rules({ "allow-partitions": false })).not.toContain("/dev/sd[a-z][1-9]{,[0-6]} rwk,");
    expect(udev({ "allow-partitions": true })).toContain('SUBSYSTEM=="block", ENV{DEVTYPE}=="partition"');
    expect(udev()).not.toContain('SUBSYSTEM=="block", ENV{DEVTYPE}=="partition"');
  });

  it("tags block devices and the disk controllers' nodes", () => {
    expect(udev()).toEqual(['SUBSYSTEM=="block"', 'SUBSYSTEM=="nvme"', 'KERNEL=="mpt2ctl*"', 'KERNEL=="megaraid_sas_ioctl_node"', 'KERNEL=="zfs"']);
    for (const u of udev({ "allow-partitions": true })) expect(safeUdevMatch(u, "block-devices")).toBe(u);
  });

  it.each([["yes"], [1], [["true"]]])("refuses allow-partitions: %j", (v) => {
    expect(() => m.sanitizePlug!(endpointOf(m, "app", { "allow-partitions": v }))).toThrow(AttributeProblem);
  });
});
