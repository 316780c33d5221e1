import { describe, expect, it } from "vitest";
import fuseSupport from "./fuse-support.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const ctx = connectedContext(fuseSupport, {}, {}, { system: true });
const rules = ruleLines(snippet(fuseSupport, "connectedPlug", ctx));

describe("fuse-support", () => {
  it.each([
    "/dev/fuse rw,",
    "capability sys_admin,",
    "mount fstype=fuse.* options=(rw,nosuid,nodev) ** -> /home/*/snap/@{SNAP_INSTANCE_NAME}/@{SNAP_REVISION}/{,**/},",
    "mount fstype=fuse.* options=(ro,nosuid,nodev) ** -> /var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/common/{,**/},",
    "deny /etc/fuse.conf r,",
    "/sys/fs/fuse/** r,",
  ])("grants %s, as snapd does (the VM row opens /dev/fuse)", (rule) => {
    expect(rules).toContain(rule);
  });

  it("mounts only onto the snap's own directories, and unmounts nothing", () => {
    expect(rules.filter((l) => l.startsWith("mount "))).toHaveLength(8);
    expect(rules.filter((l) => l.startsWith("umount") || /-> (\/tmp|@\{HOME\}|\/run\/user)/.test(l))).toEqual([]);
    expect(rules).not.toContain("/{,usr/}bin/fusermount{,3} ixr,");
    expect(rules).not.toContain("/etc/fuse.conf r,");
  });

  it("allows mount(2) only, and tags /dev/fuse", () => {
    expect(ruleLines(seccompOf(fuseSupport, "connectedPlug", ctx))).toEqual(["mount"]);
    expect(udevOf(fuseSupport, "connectedPlug", ctx)).toEqual(['KERNEL=="fuse"']);
  });
});
