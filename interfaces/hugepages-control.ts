import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "hugepages-control",
  summary: "allows reserving and sizing the kernel's huge page pools",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Huge pages are mounted at /dev/hugepages (Debian, Ubuntu) or
    // /run/hugepages; who may use them there is decided by file ownership.
    apparmor: `
# Pool sizes, system-wide and per NUMA node.
/sys/kernel/mm/hugepages/{,hugepages-[0-9]*}/* r,
/sys/kernel/mm/hugepages/{,hugepages-[0-9]*}/nr_{hugepages,hugepages_mempolicy,overcommit_hugepages} w,
/sys/devices/system/node/node[0-9]*/hugepages/{,hugepages-[0-9]*}/* r,
/sys/devices/system/node/node[0-9]*/hugepages/{,hugepages-[0-9]*}/nr_hugepages w,
@{PROC}/sys/vm/nr_{hugepages,hugepages_mempolicy,overcommit_hugepages} rw,
# The group allowed to make shared memory segments of huge pages, and the
# pages allocated per node.
@{PROC}/sys/vm/hugetlb_shm_group r,
/sys/devices/system/node/node[0-9]*/meminfo r,
# The hugetlbfs mount, with owner match.
/{dev,run}/hugepages/ r,
owner /{dev,run}/hugepages/{,**} rwk,
# Transparent huge page policy and khugepaged's settings.
/sys/kernel/mm/transparent_hugepage/{,**} r,
/sys/kernel/mm/transparent_hugepage/defrag w,
/sys/kernel/mm/transparent_hugepage/{,shmem_}enabled w,
/sys/kernel/mm/transparent_hugepage/use_zero_page w,
/sys/kernel/mm/transparent_hugepage/khugepaged/{alloc,scan}_sleep_millisecs w,
/sys/kernel/mm/transparent_hugepage/khugepaged/defrag w,
/sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_{none,swap} w,
/sys/kernel/mm/transparent_hugepage/khugepaged/pages_to_scan w,
# Mounting the huge page tables (hypervisors like ACRN do).
mount options=ro /dev/hugepages,
`,
  },
});
