import { execa } from "execa";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule, type KmodSnippet } from "../src/iface/index.js";
import { globToRegExp } from "../src/denials/index.js";
import { DEFAULT_DEVICE } from "../src/device/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { Repository } from "../src/repo/index.js";
import { parseSeccompSource } from "../src/backends/seccomp/index.js";
import { parseSnapYaml, type AttrMap } from "../src/snap/index.js";
import { compileSeccompBatch } from "../src/system/index.js";
import { builtinRegistry } from "./index.js";
import mod from "./kubernetes-support.js";
import { connectedContext, plugInfo, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, {}, { system: true });
const rules = (attrs: AttrMap = {}) => ruleLines(snippet(m, "connectedPlug", ctx(attrs)));
const syscalls = (attrs: AttrMap = {}) => ruleLines(seccompOf(m, "connectedPlug", ctx(attrs)));
const kmod = (attrs: AttrMap = {}): KmodSnippet => {
  const k = m.connectedPlug!.kmod!;
  return typeof k === "function" ? k(ctx(attrs)) : k;
};

/** Whether some file rule of `lines` grants every letter of `perms` on `file`. */
function grants(lines: readonly string[], file: string, perms: string): boolean {
  return lines.some((l) => {
    const r = /^(?:owner )?(\/\S*|@\{PROC\}\S*)\s+([a-zA-Z]+),$/.exec(l);
    if (!r) return false;
    const glob = r[1]!.replace(/^@\{PROC\}/, "/proc").replace(/@\{SNAP_INSTANCE_NAME\}|@\{SNAP_NAME\}/g, "app");
    return globToRegExp(glob).test(file) && [...perms].every((p) => r[2]!.includes(p));
  });
}

const FLAVORS: readonly [string, AttrMap][] = [
  ["no flavor", {}],
  ["kubelet", { flavor: "kubelet" }],
  ["kubeproxy", { flavor: "kubeproxy" }],
  ["autobind-unix", { flavor: "autobind-unix" }],
];

describe("kubernetes-support", () => {
  // [flavor, file, perms, granted?]
  it.each([
    [{}, "/sys/fs/cgroup/memory/memory.max", "r", true],
    [{}, "/proc/42/oom_score_adj", "rw", true],
    [{}, "/run/calico/ipam.lock", "rwk", true],
    [{}, "/etc/ssl/certs/ca-certificates.crt", "r", true],
    [{}, "/run/flannel/subnet.env", "rw", true],
    [{}, "/sys/fs/cgroup/cpu/kubepods/pod1/cpu.max", "rw", true],
    [{}, "/sys/fs/cgroup/net_cls/kube-proxy/tasks", "rw", true],
    [{}, "/sys/module/ip_vs/initstate", "r", true],
    [{}, "/dev/kmsg", "r", true],
    [{ flavor: "kubelet" }, "/run/dockershim.sock", "rw", true],
    [{ flavor: "kubelet" }, "/proc/sys/kernel/panic", "w", true],
    [{ flavor: "kubelet" }, "/sys/fs/cgroup/net_cls/kube-proxy/tasks", "rw", false],
    [{ flavor: "kubeproxy" }, "/sys/fs/cgroup/net_cls/kube-proxy/tasks", "rw", true],
    [{ flavor: "kubeproxy" }, "/run/dockershim.sock", "rw", false],
    [{ flavor: "kubeproxy" }, "/dev/kmsg", "r", false],
    [{ flavor: "autobind-unix" }, "/sys/fs/cgroup/memory/memory.max", "r", false],
    [{ flavor: "autobind-unix" }, "/run/calico/ipam.lock", "rwk", false],
    [{}, "/etc/shadow", "r", false],
    [{}, "/sys/fs/cgroup/memory/user.slice/cgroup.procs", "w", false],
  ] as const)("with %j, %s (%s): %s", (attrs, file, perms, granted) => {
    expect(grants(rules(attrs as AttrMap), file, perms)).toBe(granted);
  });

  it.each(FLAVORS)("every flavor (%s) may bind datagram sockets, in AppArmor and seccomp", (_what, attrs) => {
    expect(rules(attrs)).toContain("unix (bind) type=dgram,");
    expect(syscalls(attrs)).toContain("bind");
  });

  it.each([
    ["no flavor", {}, true, true, true],
    ["kubelet", { flavor: "kubelet" }, true, true, false],
    ["kubeproxy", { flavor: "kubeproxy" }, false, false, true],
    ["autobind-unix", { flavor: "autobind-unix" }, false, false, false],
  ] as const)("%s: kubelet mounts and namespaces %s, kmsg tagged %s, IPVS modules loaded %s", (_what, attrs, kubelet, kmsg, modules) => {
    const r = rules(attrs);
    expect(r.includes("capability sys_admin,")).toBe(kubelet);
    expect(r.includes("deny ptrace (trace) peer=unconfined,")).toBe(kubelet);
    expect(syscalls(attrs).includes("mount")).toBe(kubelet);
    expect(syscalls(attrs).includes("setns - CLONE_NEWNET")).toBe(kubelet);
    expect(udevOf(m, "connectedPlug", ctx(attrs))).toEqual(kmsg ? ['KERNEL=="kmsg"'] : []);
    expect(kmod(attrs).load ?? []).toEqual(modules ? ["ip_vs_rr", "ip_vs_sh", "ip_vs_wrr", "libcrc32c", "llc", "stp"] : []);
  });

  it("runs systemd-run in its own child profile, with the kubelet's mount rules only when the kubelet is in play", () => {
    const child = (attrs: AttrMap) => {
      const r = rules(attrs);
      return r.slice(r.indexOf("profile systemd_run (attach_disconnected,mediate_deleted) {"), r.lastIndexOf("}") + 1);
    };
    for (const [, attrs] of FLAVORS.slice(0, 3)) {
      expect(rules(attrs)).toContain("/{,usr/}bin/systemd-run Cxr -> systemd_run,");
      expect(child(attrs)).toContain("ptrace (read, trace) peer=unconfined,");
    }
    expect(child({})).toContain('ptrace (read, trace) peer="snap.app.app",');
    expect(child({ flavor: "kubelet" })).toContain("mount fstype=\"tmpfs\" tmpfs -> /var/snap/@{SNAP_INSTANCE_NAME}/common/**,");
    expect(child({ flavor: "kubeproxy" }).some((l) => l.startsWith("mount "))).toBe(false);
    expect(rules({ flavor: "autobind-unix" }).some((l) => l.includes("systemd_run"))).toBe(false);
  });

  it("leaves out the system calls this libseccomp does not know", () => {
    expect(syscalls().filter((s) => s.startsWith("lsm_"))).toEqual([]);
  });

  it.each([
    ["an unknown flavor", "kubelet-ish"],
    ["a flavor with a newline", "kubelet\n/** rwix,"],
    ["AppArmor syntax", "kube{let,proxy}"],
    ["a path", "../kubelet"],
    ["a comma", "kubelet,"],
    ["a number", 1],
    ["a boolean", true],
    ["a list", ["kubelet"]],
    ["an empty string", ""],
  ])("refuses %s as flavor", (_what, value) => {
    const p = plugInfo("k8s", m.name, { flavor: value } as AttrMap, "k");
    expect(() => m.sanitizePlug!(p)).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(p)).toThrow(/flavor must be one of kubelet, kubeproxy, autobind-unix/);
  });

  it.each(FLAVORS)("accepts %s", (_what, attrs) => {
    expect(m.sanitizePlug!(plugInfo("k8s", m.name, attrs, "k"))).toEqual(attrs);
  });

  it("compiles every flavor, in AppArmor and seccomp", async () => {
    const registry = builtinRegistry();
    const repo = new Repository(registry, DEFAULT_DEVICE);
    const apps = FLAVORS.map((_, i) => `  a${i}:\n    command: bin/a\n    plugs: [p${i}]\n`).join("");
    const plugs = FLAVORS.map(([, attrs], i) => `  p${i}:\n    interface: kubernetes-support\n${attrs["flavor"] ? `    flavor: ${String(attrs["flavor"])}\n` : ""}`).join("");
    repo.addSnap(parseSnapYaml(`name: k8s\nversion: '1'\napps:\n${apps}plugs:\n${plugs}`, { file: "snap.yaml" }), "x1");
    FLAVORS.forEach(([, attrs], i) => {
      repo.setConnection({ plug: { snap: "k8s", name: `p${i}` }, slot: { snap: repo.systemSnapName, name: m.name }, interface: m.name, auto: false, byGadget: false, undesired: false, plugStatic: attrs, slotStatic: {} });
    });
    const paths = makePaths("/");
    const plan = planSnap(paths, repo, registry, repo.snap("k8s")!);
    const dir = await mkdtemp(path.join(tmpdir(), "kubernetes-support-"));
    try {
      const files: string[] = [];
      for (let i = 0; i < FLAVORS.length; i++) {
        const f = path.join(dir, `snap.k8s.a${i}`);
        await writeFile(f, plan.get(path.join(paths.apparmorProfilesDir, `snap.k8s.a${i}`))!);
        files.push(f);
      }
      const r = await execa("apparmor_parser", ["-Q", "-K", ...files], { reject: false });
      expect(r.stderr.replace(/^Cache read\/write disabled.*\n?/m, "")).toBe("");
      expect(r.exitCode).toBe(0);
      await compileSeccompBatch(
        FLAVORS.map((_, i) => ({ source: parseSeccompSource(plan.get(path.join(paths.seccompDir, `snap.k8s.a${i}.src`))!, `a${i}.src`), output: path.join(dir, `a${i}.bin`) })),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
