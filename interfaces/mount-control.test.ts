import { execa } from "execa";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod, { DEFAULT_FS_TYPES, mountPatternProblem } from "./mount-control.js";
import { connectedContext, endpointOf, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const sanitize = (attrs: AttrMap) => m.sanitizePlug!(endpointOf(m, "app", attrs));
/** A plug with this one mount entry. */
const one = (entry: AttrMap): AttrMap => ({ mount: [entry] });
/** The rule lines the connected plug gets for these entries (snap "app", revision "x1"). */
const rules = (...entries: AttrMap[]) => ruleLines(snippet(m, "connectedPlug", connectedContext(m, { mount: entries }, {}, { system: true })));
const mountLines = (...entries: AttrMap[]) => rules(...entries).filter((l) => /^u?mount /.test(l));
const defaults = DEFAULT_FS_TYPES.join(",");

/** Entries snapd accepts and so does this module (a few narrower spots are in the refusals below). */
const ACCEPTED: [string, AttrMap][] = [
  ["a block device glob onto /media", { what: "/dev/sd*", where: "/media/**", type: ["ext2", "ext3", "ext4"], options: ["rw", "sync"] }],
  ["a bind mount into $SNAP_COMMON", { what: "/usr/**", where: "$SNAP_COMMON/**", options: ["bind"] }],
  ["alternatives and classes", { what: "/dev/sda{0,1}", where: "$SNAP_COMMON/{foo,other,**}", options: ["ro"] }],
  ["a negated class", { what: "/dev/sd[^a]", where: "/mnt/x", options: ["ro"] }],
  ["a custom type", { what: "/dev/sda[0-1]", where: "/mnt/x", type: ["mycustomfs"], options: ["sync"] }],
  ["userspace options beside a flag", { what: "/dev/sd[abc]", where: "/media/someuser/**", options: ["nofail", "rw"] }],
  ["type-specific options for every listed type", { what: "/dev/sda[123]", where: "$SNAP_COMMON/mnt/**", type: ["ext2", "ext3", "ext4"], options: ["nofail", "sync", "acl"] }],
  ["aufs branch options", { what: "/dev/nvme0n1p1", where: "$SNAP_COMMON/mnt/**", type: ["aufs"], options: ["br:/mnt/a", "add:0:/mnt/b", "dirwh=1", "rw"] }],
  ["tmpfs from none", { what: "none", where: "$SNAP_DATA/tmp", type: ["tmpfs"], options: ["rw", "size=10M", "mode=0755"] }],
  ["functionfs by instance name, persistent", { what: "diag", where: "/dev/ffs-diag", type: ["functionfs"], options: ["rw", "uid=2000", "gid=2000", "rmode=0550", "fmode=0660", "no_disconnect=1"], persistent: true }],
  ["nfs without what", { where: "/media/foo/**", type: ["nfs"], options: ["rw"] }],
  ["cifs without what", { where: "/media/cifs/**", type: ["cifs"], options: ["rw", "credentials=/var/snap/app/common/creds"] }],
  ["an empty type list (the default types)", { what: "/dev/sdb1", where: "/mnt/b", type: [], options: ["ro"] }],
  ["persistent onto $SNAP_COMMON", { what: "/dev/sdb1", where: "$SNAP_COMMON/b", options: ["ro"], persistent: true }],
  ["overlay, which is not overlayfs", { what: "/dev/x", where: "/mnt/o", type: ["overlay"], options: ["ro", "lowerdir=/a"] }],
  ["the same flag twice", { what: "/dev/x", where: "/mnt/o", options: ["rw", "rw"] }],
  ["nested alternatives and : + in names", { what: "/dev/{sd{a,b},vd[a-c]}1", where: "/mnt/{,usr/}x+y:z", options: ["ro"] }],
  ["every kernel flag AppArmor 3.0 names", { what: "/dev/x", where: "/mnt/f", type: ["ext4"], options: ["rw", "nosuid", "nodev", "noexec", "sync", "nomand", "dirsync", "atime", "diratime", "relatime", "iversion", "strictatime", "nouser"] }],
  ["a type named like an object property", { what: "/dev/x", where: "/mnt/h", type: ["constructor"], options: ["ro"] }],
  ["the opposite flags", { what: "/dev/x", where: "/mnt/g", type: ["ext4"], options: ["ro", "async", "noatime", "nodiratime", "norelatime", "noiversion"] }],
];

describe("mount-control", () => {
  it.each(ACCEPTED)("accepts %s", (_what, entry) => {
    expect(() => sanitize(one(entry))).not.toThrow();
  });

  it("renders accepted entries into rules apparmor_parser loads", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mount-control-"));
    try {
      const body = rules(...ACCEPTED.map(([, e]) => e)).map((l) => `  ${l}`).join("\n");
      const file = path.join(dir, "profile");
      await writeFile(file, `abi <abi/3.0>,\ninclude <tunables/global>\nprofile "snap.app.app" {\n${body}\n}\n`);
      const r = await execa("apparmor_parser", ["-Q", "-K", file], { reject: false });
      expect(r.stderr.split("\n").filter((l) => !l.startsWith("Cache read/write disabled")).join("\n")).toBe("");
      expect(r.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });


  it.each<[string, AttrMap, RegExp]>([
    ["no mount list", {}, /mount must be a non-empty list/],
    ["a string", { mount: "a string" }, /mount must be a non-empty list/],
    ["an empty list", { mount: [] }, /mount must be a non-empty list/],
    ["a list of strings", { mount: ["this", "is"] }, /mount\[0\] must be a map/],
    ["an unknown plug attribute", { mount: [{ what: "/dev/x", where: "/mnt/x", options: ["rw"] }], extra: 1 }, /unknown attribute "extra"/],
    ["an unknown entry key", one({ what: "/dev/x", where: "/mnt/x", options: ["rw"], persistant: true }), /mount\[0\]: unknown attribute "persistant"/],
    ["what as a list", one({ what: ["a"], where: "/media/**", options: ["rw"] }), /what must be a string/],
    ["what as a number", one({ what: 123, where: "/media/foo", type: ["ext4"], options: ["rw"] }), /what must be a string/],
    ["what missing", one({ where: "/media/foo", options: ["rw"] }), /what must be a string, not missing/],
    ["where as a list", one({ what: "/dev/x", where: ["a"], options: ["rw"] }), /where must be a string/],
    ["persistent as a string", one({ what: "/dev/x", where: "/mnt/x", options: ["rw"], persistent: "yes" }), /persistent must be true or false/],
    ["type as a string", one({ what: "/dev/x", where: "/mnt/x", type: "ext4", options: ["rw"] }), /type must be a list of strings/],
    ["type of booleans", one({ what: "/dev/x", where: "/mnt/x", type: [true], options: ["rw"] }), /type\[0\] must be a string/],
    ["a type with a parenthesis", one({ what: "/dev/x", where: "/mnt/x", type: ["auto)"], options: ["rw"] }), /not a file system type/],
    ["an upper-case type", one({ what: "/dev/x", where: "/mnt/x", type: ["upperCase"], options: ["rw"] }), /not a file system type/],
    ["a type with a space", one({ what: "/dev/x", where: "/mnt/x", type: ["two words"], options: ["rw"] }), /not a file system type/],
    ["a type smuggling a rule", one({ what: "/dev/x", where: "/mnt/x", type: ["ext4) options=() /** -> /**,\nmount fstype=(x"], options: ["rw"] }), /not a file system type/],
    ["a forbidden type", one({ what: "/dev/x", where: "/mnt/x", type: ["ext4", "debugfs"], options: ["rw"] }), /type "debugfs" is not allowed/],
    ...["proc", "sysfs", "cgroup2", "securityfs", "bpf", "overlayfs", "devpts", "tracefs", "hugetlbfs", "ecryptfs"].map(
      (t): [string, AttrMap, RegExp] => [`type ${t}`, one({ what: "/dev/x", where: "/mnt/x", type: [t], options: ["rw"] }), /is not allowed/],
    ),
    ["an option of a type named like an object property", one({ what: "/dev/x", where: "/mnt/x", type: ["constructor"], options: ["ro", "length"] }), /option "length" is unknown/],
    ["the deprecated nfs4", one({ where: "/media/foo", type: ["nfs4"], options: ["rw"] }), /"nfs4" is deprecated; use "nfs"/],
    ["tmpfs beside another type", one({ what: "none", where: "/mnt/x", type: ["tmpfs", "ext4"], options: ["rw"] }), /"tmpfs" must be the only type/],
    ["nfs beside another type", one({ where: "/mnt/x", type: ["nfs", "ext4"], options: ["rw"] }), /"nfs" must be the only type/],
    ["cifs beside another type", one({ where: "/mnt/x", type: ["cifs", "ext4"], options: ["rw"] }), /"cifs" must be the only type/],
    ["no options", one({ what: "/dev/x", where: "/media/x" }), /options must list at least one/],
    ["an empty options list", one({ what: "/dev/x", where: "/media/x", options: [] }), /options must list at least one/],
    ["options as a string", one({ what: "/dev/x", where: "/media/x", options: "rw" }), /options must be a list of strings/],
    ["an unknown option", one({ what: "/dev/x", where: "/media/x", options: ["sync", "invalid"] }), /option "invalid" is unknown or not allowed/],
    ["a type option the default types do not all take", one({ what: "/dev/x", where: "/media/x", options: ["rw", "acl"] }), /option "acl" is unknown or not allowed for the default types/],
    ["an option one listed type lacks", one({ what: "/dev/x", where: "/media/x", type: ["adfs", "ext4"], options: ["acl", "gid=2000"] }), /option "acl" is unknown or not allowed for type adfs, ext4/],
    ["gid= for ext types", one({ what: "/dev/x", where: "/media/x", type: ["ext2", "ext3", "ext4"], options: ["acl", "gid=2000"] }), /option "gid=2000"/],
    ["an aufs option with a wrong separator", one({ what: "/dev/x", where: "/media/x", type: ["aufs"], options: ["rw", "verbose:foo"] }), /option "verbose:foo"/],
    ["an aufs branch option without its value", one({ what: "/dev/x", where: "/media/x", type: ["aufs"], options: ["rw", "ins"] }), /option "ins"/],
    ["make-private", one({ what: "diag", where: "/dev/ffs-diag", type: ["functionfs"], options: ["rw", "make-private"] }), /option "make-private"/],
    ["remount", one({ what: "/dev/x", where: "/media/x", options: ["remount"] }), /option "remount"/],
    ["rbind", one({ what: "/dev/x", where: "/media/x", options: ["rbind"] }), /option "rbind"/],
    ["bind with a type", one({ what: "/dev/x", where: "/media/x", type: ["ext4"], options: ["rw", "bind"] }), /"bind" cannot be combined with a type/],
    ["contradicting flags", one({ what: "/dev/foo", where: "/mnt/foo", options: ["rw", "ro"] }), /options "ro" and "rw" contradict/],
    ["sync and async", one({ what: "/dev/foo", where: "/mnt/foo", options: ["async", "sync"] }), /options "sync" and "async" contradict/],
    ["only user-space options", one({ what: "/dev/foo", where: "/mnt/foo", options: ["defaults", "nofail"] }), /at least one kernel mount flag/],
    ["lazytime (no AppArmor 3.0 name)", one({ what: "/dev/foo", where: "/mnt/foo", options: ["rw", "lazytime"] }), /"lazytime" cannot be expressed/],
    ["an option with a comma", one({ what: "/dev/x", where: "/media/x", type: ["vfat"], options: ["rw", "uid=1000,gid=0"] }), /not a plain mount option/],
    ["an option with a glob", one({ what: "diag", where: "/dev/ffs-diag", type: ["functionfs"], options: ["rw", "uid=*"] }), /not a plain mount option/],
    ["an option with a newline", one({ what: "/dev/x", where: "/media/x", type: ["vfat"], options: ["rw", "uid=1\n"] }), /not a plain mount option/],
    ["an option with a quote", one({ where: "/media/x", type: ["cifs"], options: ["rw", 'password="x"'] }), /not a plain mount option/],
    ["a relative what", one({ what: "here", where: "/mnt", options: ["rw"] }), /what "here" must be an absolute path/],
    ["a quote in what", one({ what: '/double"quote', where: "/mnt", options: ["rw"] }), /what .* character that is not allowed/],
    ["a variable in what", one({ what: "/variables/are/not/@{allowed}", where: "/mnt", options: ["rw"] }), /character that is not allowed/],
    ["an unmatched brace in what", one({ what: "/invalid}pattern", where: "/mnt", options: ["rw"] }), /"}" without its "{"/],
    ["an unclosed brace in what", one({ what: "/dev/sd{a,b", where: "/mnt", options: ["rw"] }), /"{" without its "}"/],
    ["a group without alternatives", one({ what: "/dev/sd{a}", where: "/mnt/x", options: ["rw"] }), /group without alternatives/],
    ["a bare comma in what", one({ what: "/dev/dma_heap/qcom,qseecom", where: "/mnt/x", options: ["rw"] }), /comma outside a \{\.\.\.\} group/],
    ["rule injection through what", one({ what: '/dev/x", /** rwx, #', where: "/mnt/x", options: ["rw"] }), /character that is not allowed/],
    ["rule injection through what, unquoted", one({ what: "/dev/x -> /**,\nmount /", where: "/mnt/x", options: ["rw"] }), /character that is not allowed/],
    ["a newline in what", one({ what: "/dev/x\n", where: "/mnt/x", options: ["rw"] }), /control character/],
    ["a backslash in what", one({ what: "/dev/x\\,", where: "/mnt/x", options: ["rw"] }), /character that is not allowed/],
    ["an unclean what", one({ what: "/tmp/..", where: "/media/*", options: ["rw"] }), /not a clean path/],
    ["a dot-dot alternative in what", one({ what: "/dev/{..,x}/y", where: "/media/x", options: ["rw"] }), /alternative "\/dev\/\.\.\/y"/],
    ["an unclosed class", one({ what: "/dev/sd[ab", where: "/mnt/x", options: ["rw"] }), /"\[" without its "\]"/],
    ["a stray ]", one({ what: "/dev/sd]", where: "/mnt/x", options: ["rw"] }), /"\]" without its "\["/],
    ["an empty class", one({ what: "/dev/sd[]", where: "/mnt/x", options: ["rw"] }), /empty \[\.\.\.\] class/],
    ["a slash in a class", one({ what: "/dev/sd[/]", where: "/mnt/x", options: ["rw"] }), /inside \[\.\.\.\]/],
    ["none without tmpfs", one({ what: "none", where: "/media/*", options: ["rw"] }), /"none" only with type \[tmpfs\]/],
    ["none with other types", one({ what: "none", where: "/media/*", type: ["ext4", "ntfs"], options: ["rw"] }), /"none" only with type \[tmpfs\]/],
    ["tmpfs from a device", one({ what: "/", where: "/media/*", type: ["tmpfs"], options: ["rw"] }), /must be "none" with type \[tmpfs\]/],
    ["a functionfs name with a glob", one({ what: "a?", where: "/dev/ffs-diag", type: ["functionfs"], options: ["rw"] }), /not a functionfs instance name/],
    ["a functionfs name with a space", one({ what: "a b", where: "/dev/ffs-diag", type: ["functionfs"], options: ["rw"] }), /not a functionfs instance name/],
    ["what for nfs", one({ what: "diag", where: "/media/foo", type: ["nfs"], options: ["rw"] }), /what must not be set for nfs/],
    ["what for cifs", one({ what: "diag", where: "/media/foo", type: ["cifs"], options: ["rw"] }), /what must not be set for cifs/],
    ["where at the root", one({ what: "/", where: "/", options: ["ro"] }), /must be an absolute path below "\/"/],
    ["where relative", one({ what: "/dev/x", where: "media", options: ["ro"] }), /must be an absolute path below/],
    ["where $SNAP_DATA itself", one({ what: "/dev/x", where: "$SNAP_DATA/", options: ["ro"] }), /must be an absolute path below/],
    ["where $HOME", one({ what: "/dev/x", where: "$HOME/x", options: ["ro"] }), /must be an absolute path below/],
    ["a quote in where", one({ what: "/", where: '/media/no"quotes', options: ["ro"] }), /character that is not allowed/],
    ["a variable in where", one({ what: "/", where: "/media/no@{variables}", options: ["ro"] }), /character that is not allowed/],
    ["a second variable in where", one({ what: "/", where: "$SNAP_DATA/$SNAP_DATA", options: ["ro"] }), /character that is not allowed/],
    ["a variable after the slash", one({ what: "/", where: "/$SNAP_DATA", options: ["ro"] }), /character that is not allowed/],
    ["an unclosed class in where", one({ what: "/", where: "/media/invalid[path", options: ["ro"] }), /"\[" without its "\]"/],
    ["an unclean where", one({ what: "/", where: "/media/../etc", options: ["ro"] }), /not a clean path/],
    ["a climbing where", one({ what: "/", where: "$SNAP_COMMON/../../../etc", options: ["ro"] }), /not a clean path/],
    ["a bare comma in where", one({ what: "/dev/x", where: "/mnt/foo,bar", options: ["rw"] }), /comma outside/],
    ["rule injection through where", one({ what: "/dev/x", where: "/mnt/x{,/}, /** rwx,", options: ["rw"] }), /character that is not allowed/],
    ["a newline in where", one({ what: "/dev/x", where: "/mnt/x\n/", options: ["rw"] }), /control character/],
    ["persistent onto $SNAP_DATA", one({ what: "/", where: "$SNAP_DATA/foo", options: ["ro"], persistent: true }), /persistent mounts cannot be made onto \$SNAP_DATA/],
  ])("refuses %s", (_what, attrs, re) => {
    expect(() => sanitize(attrs)).toThrow(AttributeProblem);
    expect(() => sanitize(attrs)).toThrow(re);
  });

  it("refuses a bad entry after good ones, naming it", () => {
    expect(() => sanitize({ mount: [{ what: "/dev/x", where: "/mnt/x", options: ["rw"] }, { what: "/dev/y", where: "/mnt/y", options: ["bogus"] }] })).toThrow(/mount\[1\] option "bogus"/);
  });

  it.each([
    ["/dev/sd*", null],
    ["/media/**", null],
    ["/usr/{,local/}lib", null],
    ["/a/{b,{c,d}e}", null],
    ["/a/**/b", null],
    ["/a" + "/{x,y}".repeat(10), "has more than 1000 alternatives"],
    ["/a/{x,.}/b", 'has an alternative "/a/./b" with a "." or ".." segment'],
    ["/a/{,../}b", 'has an alternative "/a/../b" with a "." or ".." segment'],
    ["/a//b", 'is not a clean path (".", "..", doubled or trailing "/"); write "/a/b" if that is what is meant'],
    ["/a/é", 'contains a character that is not allowed here: "é" (U+00E9); only printable ASCII is accepted'],
    ["/a/b~", 'contains a character that is not allowed here: "~"'],
    ["/a/b c", "contains a character that is not allowed here: a space"],
  ])("judges the pattern %j", (p, problem) => {
    expect(mountPatternProblem(p)).toBe(problem);
  });

  it("renders each entry as one mount and one umount rule", () => {
    expect(mountLines({ what: "/dev/sd*", where: "/media/**", type: ["ext2", "ext3", "ext4"], options: ["rw", "sync"] })).toEqual([
      "mount fstype=(ext2,ext3,ext4) options=(rw,sync) /dev/sd* -> /media/**{,/},",
      "umount /media/**{,/},",
    ]);
    // A bind mount names no type; $SNAP_COMMON is the plug snap's.
    expect(mountLines({ what: "/usr/**", where: "$SNAP_COMMON/**", options: ["bind"] })).toEqual([
      "mount options=(bind) /usr/** -> /var/snap/app/common/**{,/},",
      "umount /var/snap/app/common/**{,/},",
    ]);
    // No type: the default list; $SNAP_DATA is the revision's.
    expect(mountLines({ what: "/dev/sda{0,1}", where: "$SNAP_DATA/{foo,other,**}", options: ["ro"] })).toEqual([
      `mount fstype=(${defaults}) options=(ro) /dev/sda{0,1} -> /var/snap/app/x1/{foo,other,**}{,/},`,
      "umount /var/snap/app/x1/{foo,other,**}{,/},",
    ]);
    // Only kernel flags reach the rule; user-space and type-specific options do not.
    expect(mountLines({ what: "/dev/nvme0n1p1", where: "/mnt/a", type: ["aufs"], options: ["nofail", "br:/mnt/a", "dirwh=1", "rw", "noexec"] })[0]).toBe(
      "mount fstype=(aufs) options=(rw,noexec) /dev/nvme0n1p1 -> /mnt/a{,/},",
    );
    expect(mountLines({ what: "none", where: "/mnt/t", type: ["tmpfs"], options: ["rw", "size=1M"] })[0]).toBe("mount fstype=(tmpfs) options=(rw) none -> /mnt/t{,/},");
    expect(mountLines({ what: "diag", where: "/dev/ffs-diag", type: ["functionfs"], options: ["rw", "uid=2000"] })[0]).toBe(
      "mount fstype=(functionfs) options=(rw) diag -> /dev/ffs-diag{,/},",
    );
  });

  it("mounts network shares from any server, and lets nfs look up RPC programs", () => {
    expect(mountLines({ where: "/media/foo/**", type: ["nfs"], options: ["rw"] })).toEqual(["mount fstype=(nfs) options=(rw) *:** -> /media/foo/**{,/},", "umount /media/foo/**{,/},"]);
    expect(mountLines({ where: "/media/cifs/**", type: ["cifs"], options: ["rw"] })).toEqual(["mount fstype=(cifs) options=(rw) //** -> /media/cifs/**{,/},", "umount /media/cifs/**{,/},"]);
    expect(rules({ where: "/media/foo", type: ["nfs"], options: ["rw"] })).toContain("/etc/rpc r,");
    expect(rules({ where: "/media/cifs", type: ["cifs"], options: ["rw"] })).not.toContain("/etc/rpc r,");
  });

  it("grants the capability, the mount tools and the mount table", () => {
    const all = rules({ what: "/dev/sdb", where: "/mnt/b", options: ["ro"] });
    for (const r of ["capability sys_admin,", "/{,usr/}bin/mount ixr,", "/{,usr/}bin/umount ixr,", "/run/mount/utab* wrlk,", "owner @{PROC}/@{pid}/mountinfo r,"]) expect(all).toContain(r);
    expect(all.filter((l) => /^u?mount /.test(l))).toHaveLength(2);
    expect(ruleLines(seccompOf(m, "connectedPlug", connectedContext(m, { mount: [{ what: "/dev/sdb", where: "/mnt/b", options: ["ro"] }] })))).toEqual(["mount", "umount", "umount2"]);
  });

  it("has valid examples", () => {
    expect(() => sanitize(m.examples!.plug!)).not.toThrow();
  });
});
