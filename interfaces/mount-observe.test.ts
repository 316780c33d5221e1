import { describe, expect, it } from "vitest";
import mountObserve from "./mount-observe.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const ctx = connectedContext(mountObserve, {}, {}, { system: true });
const rules = ruleLines(snippet(mountObserve, "connectedPlug", ctx));

describe("mount-observe", () => {
  it.each([
    "@{PROC}/mounts r,",
    "@{PROC}/1/mounts r,",
    "owner @{PROC}/@{pid}/mountstats r,",
    "owner @{PROC}/@{pid}/task/@{tid}/mountinfo r,",
    "@{PROC}/spl/kstat/zfs/arcstats r,",
    "@{PROC}/swaps r,",
    "/etc/fstab r,",
    "/run/mount/utab r,",
  ])("grants %s, as snapd does (the VM row reads /proc/swaps and /etc/fstab)", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each(["@{PROC}/@{pid}/mountinfo r,", "@{PROC}/partitions r,", "/sys/fs/btrfs/** r,", "/{,usr/}bin/{df,findmnt,mount} ixr,"])("does not grant %s", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("reads quotas only, with snapd's filter on the command", () => {
    const calls = ruleLines(seccompOf(mountObserve, "connectedPlug", ctx));
    expect(calls).toHaveLength(5);
    expect(calls).not.toContain("quotactl");
    for (const c of calls) expect(c).toMatch(/^quotactl 0x[0-9a-f]+ - - -$/);
  });
});
