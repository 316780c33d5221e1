import { describe, expect, it } from "vitest";
import hugepagesControl from "./hugepages-control.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

const rules = ruleLines(snippet(hugepagesControl, "connectedPlug", connectedContext(hugepagesControl, {}, {}, { system: true })));

describe("hugepages-control", () => {
  it.each([
    "/sys/kernel/mm/hugepages/{,hugepages-[0-9]*}/nr_{hugepages,hugepages_mempolicy,overcommit_hugepages} w,",
    "@{PROC}/sys/vm/hugetlb_shm_group r,",
    "/sys/devices/system/node/node[0-9]*/meminfo r,",
    "owner /{dev,run}/hugepages/{,**} rwk,",
    "/sys/kernel/mm/transparent_hugepage/khugepaged/pages_to_scan w,",
    "mount options=ro /dev/hugepages,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each(["@{PROC}/meminfo r,", "/dev/hugepages/** rwm,", "@{PROC}/sys/vm/{nr_hugepages,nr_hugepages_mempolicy,nr_overcommit_hugepages,hugetlb_shm_group} rw,"])("does not grant %s", (rule) => {
    expect(rules).not.toContain(rule);
  });
});
