import { execa } from "execa";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { globToRegExp } from "../src/denials/index.js";
import { DEFAULT_DEVICE } from "../src/device/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { badPlugsOrSlotsWarning, Repository, sanitizeSnap } from "../src/repo/index.js";
import { parseSeccompSource } from "../src/backends/seccomp/index.js";
import { parseSnapYaml, type AttrMap } from "../src/snap/index.js";
import { compileSeccompBatch } from "../src/system/index.js";
import mod, { globsExcept } from "./docker-support.js";
import { builtinRegistry } from "./index.js";
import { connectedContext, plugInfo, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, {}, { system: true });
const rules = (plugAttrs: AttrMap = {}): string[] => ruleLines(snippet(m, "connectedPlug", ctx(plugAttrs)));
const syscalls = (plugAttrs: AttrMap = {}): string[] => ruleLines(seccompOf(m, "connectedPlug", ctx(plugAttrs)));
const PRIVILEGED = { "privileged-containers": true };

/** Whether some file rule of `lines` grants `perms` (each letter, in one rule) on `file`. */
function grants(lines: readonly string[], file: string, perms: string): boolean {
  return lines.some((l) => {
    const r = /^(\/\S*|@\{PROC\}\S*)\s+([a-zA-Z]+),$/.exec(l);
    if (!r) return false;
    const glob = r[1]!.replace(/^@\{PROC\}/, "/proc");
    return globToRegExp(glob).test(file) && [...perms].every((p) => r[2]!.includes(p));
  });
}

/** The profile and seccomp source of a snap whose one app plugs docker-support with these attributes, connected to the system slot. */
function render(attrs: AttrMap): { profile: string; seccomp: string } {
  const registry = builtinRegistry();
  const repo = new Repository(registry, DEFAULT_DEVICE);
  const attrYaml = Object.entries(attrs).map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`).join("");
  repo.addSnap(parseSnapYaml(`name: dockerd\nversion: '1'\napps:\n  d:\n    command: bin/d\nplugs:\n  support:\n    interface: docker-support${attrYaml}\n`, { file: "snap.yaml" }), "x1");
  repo.setConnection({ plug: { snap: "dockerd", name: "support" }, slot: { snap: repo.systemSnapName, name: "docker-support" }, interface: "docker-support", auto: false, byGadget: false, undesired: false, plugStatic: attrs, slotStatic: {} });
  const paths = makePaths("/");
  const plan = planSnap(paths, repo, registry, repo.snap("dockerd")!);
  return { profile: plan.get(path.join(paths.apparmorProfilesDir, "snap.dockerd.d"))!, seccomp: plan.get(path.join(paths.seccompDir, "snap.dockerd.d.src"))! };
}

describe("docker-support", () => {
  describe("without privileged-containers", () => {
    it.each([
      ["/run/docker.sock", "rw"],
      ["/var/run/docker.sock", "rw"],
      ["/run/containerd/s/abc", "rwk"],
      ["/run/docker/libnetwork/x", "mrwklix"],
      ["/proc/1/status", "r"],
      ["/proc/42/attr/apparmor/exec", "w"],
      ["/sys/fs/cgroup/memory/docker/abc/memory.max", "rw"],
      ["/dev/mapper/control", "rw"],
      ["/dev/loop3", "rw"],
      ["/etc/apparmor.d/docker-default", "rw"],
      ["/usr/sbin/apparmor_parser", "rix"],
    ])("grants %s (%s)", (file, perms) => {
      expect(grants(rules(), file, perms)).toBe(true);
    });

    it.each([
      ["/etc/shadow", "r"],
      ["/home/user/.ssh/id_rsa", "r"],
      ["/dev/sda", "r"],
      ["/dev/mem", "r"],
      ["/proc/1/mem", "w"],
      ["/sys/fs/cgroup/memory/user.slice/cgroup.procs", "w"],
      ["/usr/bin/anything", "x"],
      ["/etc/apparmor.d/usr.sbin.cupsd", "w"],
    ])("does not grant %s (%s)", (file, perms) => {
      expect(grants(rules(), file, perms)).toBe(false);
    });

    it("has no rule over every path, and changes only to the engines' own profiles", () => {
      const r = rules();
      expect(r.filter((l) => /^\/\*\*\s/.test(l) || /^\/\[\^/.test(l))).toEqual([]);
      expect(r).not.toContain("/** mrwklix,");
      expect(r.filter((l) => l.startsWith("change_profile")).every((l) => / -> (docker-default|cri-containerd\.apparmor\.d),$/.test(l))).toBe(true);
      expect(r.filter((l) => /peer=unconfined\b/.test(l))).toEqual([]);
      // No blanket grants of whole rule classes beyond those snapd gives.
      expect(r.filter((l) => /^(network|signal|ptrace|unix|dbus|remount|file|change_profile -> \*)\s*,$/.test(l))).toEqual([]);
    });

    it("filters system calls with snapd's list, not @unrestricted", () => {
      const s = syscalls();
      expect(s).not.toContain("@unrestricted");
      for (const call of ["mount", "pivot_root", "keyctl", "setns", "unshare", "bpf"]) expect(s).toContain(call);
      for (const call of ["init_module", "finit_module", "delete_module", "open_by_handle_at", "name_to_handle_at", "kexec_load"]) expect(s).not.toContain(call);
    });
  });

  describe("with privileged-containers: true", () => {
    it("adds snapd's privileged rules: devices, proc, any profile, unconfined peers", () => {
      const base = rules();
      const r = rules(PRIVILEGED);
      expect(r.slice(0, base.length)).toEqual(base);
      const added = r.slice(base.length);
      expect(added).toEqual(expect.arrayContaining(["/dev/** mrwkl,", "@{PROC}/** mrwkl,", "signal (send) peer=unconfined,", "ptrace (read, trace) peer=unconfined,", "change_profile unsafe /[^s]**,", "/[^s]** rwlix,"]));
      expect(grants(r, "/etc/shadow", "rw")).toBe(true);
      expect(grants(r, "/dev/sda", "rw")).toBe(true);
      expect(syscalls(PRIVILEGED)).toContain("@unrestricted");
    });

    it("still leaves out the snapd and core snaps' snap-confine, as snapd does", () => {
      const r = rules(PRIVILEGED);
      for (const p of ["/snap/snapd/123/usr/lib/snapd/snap-confine", "/snap/core/9/usr/lib/snapd/snap-confine"]) expect(grants(r, p, "r")).toBe(false);
      expect(grants(r, "/snap/core22/9/usr/bin/x", "rix")).toBe(true);
      expect(grants(r, "/snap/snapd/123/usr/lib/snapd/snap-update-ns", "rix")).toBe(true);
    });
  });

  it("globsExcept matches every path but the excluded ones and what lies under them", () => {
    const globs = globsExcept(["/snap/snapd/*/usr/lib/snapd/snap-confine", "/snap/core/*/usr/lib/snapd/snap-confine"]).map((g) => globToRegExp(g));
    const any = (p: string) => globs.some((g) => g.test(p));
    for (const p of ["/etc/shadow", "/bin/runc", "/snap/core22/1/x", "/snap/snapd/1/usr/lib/snapd/snapctl", "/snap/core/1/usr/bin/snap-confine", "/snapshots/a", "/sbin/init"]) expect(any(p), p).toBe(true);
    for (const p of ["/snap/snapd/1/usr/lib/snapd/snap-confine", "/snap/core/22/usr/lib/snapd/snap-confine", "/snap/core/22/usr/lib/snapd/snap-confine.real"]) expect(any(p), p).toBe(false);
    // Leading parts of an excluded path are left out too: less, never more.
    for (const p of ["/s", "/snap", "/snap/core/22"]) expect(any(p), p).toBe(false);
    expect(() => globsExcept(["/snap/a*b"])).toThrow();
  });

  it.each([
    ["a phrase", "yes please"],
    ["a number", 1],
    ["a list", [true]],
    ["a map", { on: true }],
    ["a string with a newline", "true\n/** rwlix,"],
  ])("refuses privileged-containers as %s, naming snap, plug and attribute", (_what, value) => {
    const attrs = { "privileged-containers": value } as AttrMap;
    expect(() => m.sanitizePlug!(plugInfo("dockerd", m.name, attrs, "support"))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(plugInfo("dockerd", m.name, attrs, "support"))).toThrow(/privileged-containers must be true or false/);
    const info = parseSnapYaml(`name: dockerd\nversion: '1'\napps:\n  d:\n    command: bin/d\n    plugs: [support]\nplugs:\n  support:\n    interface: docker-support\n    privileged-containers: ${JSON.stringify(value)}\n`, { file: "snap.yaml" });
    const { info: kept, bad } = sanitizeSnap(info, builtinRegistry());
    expect(kept.plugs["support"]).toBeUndefined();
    const warning = badPlugsOrSlotsWarning("dockerd", bad);
    expect(warning).toContain('"dockerd"');
    expect(warning).toContain("support (docker-support plug: privileged-containers must be true or false");
    expect(warning).not.toMatch(/\n/);
  });

  it("loads the overlay module, as snapd does", () => {
    expect(m.connectedPlug?.kmod).toEqual({ load: ["overlay"] });
  });

  it.each([[true], [false]])("accepts privileged-containers: %s", (v) => {
    expect(m.sanitizePlug!(plugInfo("dockerd", m.name, { "privileged-containers": v }, "support"))).toEqual({ "privileged-containers": v });
  });

  it("compiles, with and without privileged-containers, in AppArmor and seccomp", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "docker-support-"));
    try {
      const variants = [render({}), render(PRIVILEGED)];
      const files = await Promise.all(variants.map(async (v, i) => {
        const f = path.join(dir, `snap.dockerd.d${i}`);
        await writeFile(f, v.profile.replace('profile "snap.dockerd.d"', `profile "snap.dockerd.d${i}"`));
        return f;
      }));
      const r = await execa("apparmor_parser", ["-Q", "-K", ...files], { reject: false });
      expect(r.stderr.replace(/^Cache read\/write disabled.*\n?/m, "")).toBe("");
      expect(r.exitCode).toBe(0);
      await compileSeccompBatch(variants.map((v, i) => ({ source: parseSeccompSource(v.seccomp, `d${i}.src`), output: path.join(dir, `d${i}.bin`) })));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
