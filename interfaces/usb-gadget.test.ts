import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";
import { connectedContext, plugInfo, ruleLines, seccompOf, snippet } from "./test-support.js";
import usbGadget from "./usb-gadget.js";

/** app:x (revision x1), with these plug attributes, connected to the system snap's slot. */
const ctx = (plugAttrs: AttrMap) => connectedContext(usbGadget, plugAttrs, {}, { system: true });
const rules = (plugAttrs: AttrMap) => ruleLines(snippet(usbGadget, "connectedPlug", ctx(plugAttrs)));
const sanitize = (attrs: AttrMap) => usbGadget.sanitizePlug!(plugInfo("app", "usb-gadget", attrs));
const mounts = (...m: AttrValue[]): AttrMap => ({ "ffs-mounts": m });

describe("usb-gadget", () => {
  it("lets any plug build gadgets in configfs, without mount rights", () => {
    const r = rules({});
    expect(r).toContain("/sys/kernel/config/usb_gadget/** rw,");
    expect(r).toContain("/sys/class/udc/ r,");
    expect(r).toContain("owner @{PROC}/@{pid}/mountinfo r,");
    expect(r.some((l) => l.startsWith("mount ") || l.startsWith("capability"))).toBe(false);
    expect(seccompOf(usbGadget, "connectedPlug", ctx({}))).toBe("");
  });

  it("mounts each FunctionFS instance where the plug says, with $SNAP_COMMON and $SNAP_DATA expanded", () => {
    const attrs = mounts({ name: "ffs-dev0", where: "/media/**" }, { name: "ffs-dev1", where: "/dev/ffs-dev1", persistent: true }, { name: "ffs-mtp", where: "$SNAP_COMMON/**" }, { name: "adb", where: "$SNAP_DATA/adb" });
    expect(sanitize(attrs)).toEqual(attrs);
    const r = rules(attrs);
    expect(r).toEqual(expect.arrayContaining(["capability sys_admin,", "/{,usr/}bin/mount ixr,", "deny /run/mount/utab* wrlk,"]));
    expect(r.filter((l) => /^(mount|umount) /.test(l) || / rw,$/.test(l) && !l.startsWith("/sys/"))).toEqual([
      'mount fstype=(functionfs) "ffs-dev0" -> "/media/**",',
      'umount "/media/**",',
      "/media/** rw,",
      'mount fstype=(functionfs) "ffs-dev1" -> "/dev/ffs-dev1",',
      'umount "/dev/ffs-dev1",',
      "/dev/ffs-dev1 rw,",
      'mount fstype=(functionfs) "ffs-mtp" -> "/var/snap/app/common/**",',
      'umount "/var/snap/app/common/**",',
      "/var/snap/app/common/** rw,",
      'mount fstype=(functionfs) "adb" -> "/var/snap/app/x1/adb",',
      'umount "/var/snap/app/x1/adb",',
      "/var/snap/app/x1/adb rw,",
    ]);
    expect(ruleLines(seccompOf(usbGadget, "connectedPlug", ctx(attrs)))).toEqual(["mount", "umount", "umount2"]);
  });

  it.each(["/media/**", "/{media,mnt}/ffs-*", "/dev/ffs[0-9]", "$SNAP_COMMON/ffs?"])("accepts the mount-point pattern %j, as snapd", (where) => {
    expect(() => sanitize(mounts({ name: "ffs", where }))).not.toThrow();
    expect(rules(mounts({ name: "ffs", where }))).toContain(`mount fstype=(functionfs) "ffs" -> "${where.replace("$SNAP_COMMON", "/var/snap/app/common")}",`);
  });

  it.each<[string, AttrMap, RegExp]>([
    ["ffs-mounts as a map", { "ffs-mounts": { name: "a", where: "/a" } }, /must be a list/],
    ["an entry that is a string", mounts("ffs"), /ffs-mounts\[0\] must be a map/],
    ["a missing name", mounts({ where: "/a" }), /name must be a string/],
    ["a numeric name", mounts({ name: 1, where: "/a" }), /name must be a string/],
    ["an empty name", mounts({ name: "", where: "/a" }), /name must not be empty/],
    ["a quote in the name", mounts({ name: 'a" -> "/", #', where: "/a" }), /character that is not allowed/],
    ["a glob in the name", mounts({ name: "ffs**", where: "/a" }), /character that is not allowed/],
    ["a brace in the name", mounts({ name: "ffs{a,b}", where: "/a" }), /character that is not allowed/],
    ["a newline in the name", mounts({ name: "ffs\n/** rwx,", where: "/a" }), /character that is not allowed/],
    ["a missing where", mounts({ name: "a" }), /where must be a string/],
    ["a relative where", mounts({ name: "a", where: "media" }), /must be an absolute path/],
    ["another variable", mounts({ name: "a", where: "$HOME/ffs" }), /or start with \$SNAP_COMMON\//],
    ["a bare variable", mounts({ name: "a", where: "$SNAP_COMMON" }), /must be an absolute path/],
    ["the root alone", mounts({ name: "a", where: "/" }), /must be an absolute path/],
    ["path traversal", mounts({ name: "a", where: "$SNAP_COMMON/../../../etc" }), /not a clean path/],
    ["a doubled slash", mounts({ name: "a", where: "/media//ffs" }), /not a clean path/],
    ["a quote in where", mounts({ name: "a", where: '/a", /** rwx, "/b' }), /character that is not allowed/],
    ["a comma in where", mounts({ name: "a", where: "/a,/b" }), /comma outside a \{\.\.\.\} group/],
    ["an unclosed brace in where", mounts({ name: "a", where: "/{media,mnt/ffs" }), /without its "\}"/],
    ["an unclosed class in where", mounts({ name: "a", where: "/dev/ffs[0-9" }), /without its "\]"/],
    ["a hidden traversal in where", mounts({ name: "a", where: "/media/{x,..}/etc" }), /"\." or "\.\." segment/],
    ["a newline in where", mounts({ name: "a", where: "/a\n/** rwx," }), /character that is not allowed/],
    ["an @ in where", mounts({ name: "a", where: "/@{HOME}/x" }), /character that is not allowed/],
    ["persistent as text", mounts({ name: "a", where: "/a", persistent: "yes" }), /persistent must be true or false/],
    ["a persistent mount into $SNAP_DATA", mounts({ name: "a", where: "$SNAP_DATA/ffs", persistent: true }), /cannot be made onto \$SNAP_DATA/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(re);
  });
});
