import { describe, expect, it } from "vitest";
import type { KmodSnippet } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, devRuleLines, ruleLines, snippet, udevOf } from "./test-support.js";
import dmMultipath from "./dm-multipath.js";

const ctx = connectedContext(dmMultipath, {}, {}, { system: true });
const text = snippet(dmMultipath, "connectedPlug", ctx);

describe("dm-multipath", () => {
  it("grants device-mapper control, maps and bcache paths", () => {
    expect(devRuleLines(text)).toEqual(["/dev/mapper/control rw,", "/dev/mapper/{,**} rw,", "/dev/dm-[0-9]* rwk,", "/dev/bcache[0-9]{,[0-9],[0-9][0-9]} rw,"]);
  });

  it.each([
    "/etc/multipath.conf r,",
    "/etc/multipath/wwids rwk,",
    'unix (send, receive, connect) type=stream peer=(addr="@/org/kernel/linux/storage/multipathd"),',
  ])("grants %s", (rule) => expect(ruleLines(text)).toContain(rule));

  it("tags the control node and the mapped devices", () => {
    const udev = udevOf(dmMultipath, "connectedPlug", ctx);
    expect(udev).toEqual(['KERNEL=="device-mapper"', 'KERNEL=="dm-[0-9]*"']);
    for (const m of udev) expect(safeUdevMatch(m, "test")).toBe(m);
  });

  it("has the system load dm-mod", () => {
    expect(dmMultipath.connectedPlug.kmod as KmodSnippet).toEqual({ load: ["dm-mod"] });
  });
});
