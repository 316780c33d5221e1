import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "hugepages-control",
  summary: "allows reserving and sizing the kernel's huge page pools",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Pool sizes, system-wide and per NUMA node, and transparent huge page policy.
/sys/kernel/mm/hugepages/ r,
/sys/kernel/mm/hugepages/hugepages-[0-9]*kB/ r,
/sys/kernel/mm/hugepages/hugepages-[0-9]*kB/{free,resv,surplus}_hugepages r,
/sys/kernel/mm/hugepages/hugepages-[0-9]*kB/{nr_hugepages,nr_hugepages_mempolicy,nr_overcommit_hugepages} rw,
/sys/devices/system/node/ r,
/sys/devices/system/node/node[0-9]*/hugepages/ r,
/sys/devices/system/node/node[0-9]*/hugepages/hugepages-[0-9]*kB/ r,
/sys/devices/system/node/node[0-9]*/hugepages/hugepages-[0-9]*kB/{free,surplus}_hugepages r,
/sys/devices/system/node/node[0-9]*/hugepages/hugepages-[0-9]*kB/nr_hugepages rw,
/sys/kernel/mm/transparent_hugepage/ r,
/sys/kernel/mm/transparent_hugepage/{enabled,defrag,shmem_enabled} rw,
@{PROC}/sys/vm/{nr_hugepages,nr_hugepages_mempolicy,nr_overcommit_hugepages,hugetlb_shm_group} rw,
@{PROC}/meminfo r,
# Files on the hugetlbfs mount.
/dev/hugepages/ r,
/dev/hugepages/** rwm,
`,
  },
});
