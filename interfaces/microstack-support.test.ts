import { describe, expect, it } from "vitest";
import { type InterfaceModule, type KmodSnippet } from "../src/iface/index.js";
import { globToRegExp } from "../src/denials/index.js";
import mod from "./microstack-support.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));
const grants = (file: string, perms: string) =>
  rules.some((l) => {
    const r = /^(?:owner )?(\/\S*|@\{PROC\}\S*)\s+([a-z]+),$/.exec(l);
    return r !== null && globToRegExp(r[1]!.replace(/^@\{PROC\}/, "/proc")).test(file) && [...perms].every((p) => r[2]!.includes(p));
  });

describe("microstack-support", () => {
  it.each([
    ["/dev/vhost-net", "rw", true],
    ["/dev/vfio/12", "rw", true],
    ["/dev/nbd3", "rw", true],
    ["/dev/mapper/vg-lv", "rw", true],
    ["/dev/loop-control", "rw", true],
    ["/sys/kernel/security/apparmor/.replace", "w", true],
    ["/dev/hugepages/libvirt/qemu/x", "mrwklix", true],
    ["/sys/fs/cgroup/memory/machine.slice/machine-qemu-1/tasks", "rw", true],
    ["/run/lvm/hints", "rwlk", true],
    ["/sys/kernel/config/target/iscsi/x", "rw", true],
    ["/dev/sdb", "rwk", true],
    ["/dev/sev", "rw", true],
    ["/etc/shadow", "r", false],
    ["/dev/mem", "r", false],
    ["/sys/kernel/security/apparmor/policy/x", "w", false],
  ])("%s (%s): %s", (file, perms, granted) => {
    expect(grants(file, perms)).toBe(granted);
  });

  it("changes profile only into libvirt's per-VM profiles", () => {
    expect(rules.filter((l) => l.startsWith("change_profile"))).toEqual(["change_profile -> libvirt-[0-9a-f]*-[0-9a-f]*-[0-9a-f]*-[0-9a-f]*-[0-9a-f]*,"]);
    expect(rules).toContain("ptrace (read, trace) peer=libvirt-*,");
  });

  it("makes block device nodes only (S_IFBLK bits), as snapd", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["mknod - |060000 -", "mknodat - - |060000 -"]);
  });

  it("loads snapd's list of virtualisation and storage modules", () => {
    const k = m.connectedPlug!.kmod as KmodSnippet;
    expect(k.load).toEqual(["vhost", "vhost-net", "vhost-scsi", "vhost-vsock", "pci-stub", "vfio", "vfio-pci", "nbd", "dm-mod", "dm-thin-pool", "dm-snapshot", "iscsi-tcp", "target-core-mod"]);
    expect(k.deny ?? []).toEqual([]);
  });
});
