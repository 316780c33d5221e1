import { describe, expect, it } from "vitest";
import classicSupport from "./classic-support.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m = classicSupport;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));
const calls = ruleLines(seccompOf(m, "connectedPlug", ctx));

describe("classic-support", () => {
  it.each([
    "/var/lib/snapd/snaps/core_*.snap r,",
    "/etc/{,**} r,",
    "owner @{PROC}/@{pid}/mountinfo r,",
    "mount options=(rw bind) / -> /var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/**/,",
    "umount /var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/**/,",
    "/bin/systemctl Uxr,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each(["/var/lib/snapd/snaps/*.snap r,", "capability sys_chroot,", "@{PROC}/@{pid}/mountinfo r,", "/{,usr/}bin/systemctl Uxr,"])("does not grant %s", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("allows snapd's calls: chown to anyone, mknod, chroot, mount, and no mknodat", () => {
    for (const c of ["chown", "lchown32", "fchownat", "mknod", "chroot", "mount", "umount2", "getsockopt", "bind"]) expect(calls).toContain(c);
    expect(calls).not.toContain("mknodat");
    expect(calls).toHaveLength(21);
  });
});
