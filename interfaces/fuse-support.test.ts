import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import fuseSupport from "./fuse-support.js";

describe("fuse-support", () => {
  it("grants /dev/fuse and fuse mounts only, and tags /dev/fuse", () => {
    expect(devRules(fuseSupport)).toEqual(["/dev/fuse rw,"]);
    const mounts = rules(fuseSupport).filter((l) => l.startsWith("mount "));
    expect(mounts.length).toBeGreaterThan(0);
    for (const m of mounts) expect(m).toMatch(/^mount fstype=fuse\.\* options=\(nosuid, nodev\) /);
    expect(udev(fuseSupport)).toEqual(['KERNEL=="fuse"']);
  });
});
