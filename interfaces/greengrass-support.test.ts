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
import { Repository } from "../src/repo/index.js";
import { parseSeccompSource } from "../src/backends/seccomp/index.js";
import { parseSnapYaml, type AttrMap } from "../src/snap/index.js";
import { compileSeccompBatch } from "../src/system/index.js";
import mod from "./greengrass-support.js";
import { builtinRegistry } from "./index.js";
import { connectedContext, plugInfo, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, {}, { system: true });
const rules = (attrs: AttrMap = {}) => ruleLines(snippet(m, "connectedPlug", ctx(attrs)));
const syscalls = (attrs: AttrMap = {}) => ruleLines(seccompOf(m, "connectedPlug", ctx(attrs)));

/** Whether some file rule of `lines` grants every letter of `perms` on `file` (the snap is "app"). */
function grants(lines: readonly string[], file: string, perms: string): boolean {
  return lines.some((l) => {
    const r = /^(?:owner )?(\/\S*|@\{PROC\}\S*)\s+([a-zA-Z]+),$/.exec(l);
    if (!r) return false;
    const glob = r[1]!.replace(/^@\{PROC\}/, "/proc").replace(/@\{SNAP_INSTANCE_NAME\}|@\{SNAP_NAME\}/g, "app");
    return globToRegExp(glob).test(file) && [...perms].every((p) => r[2]!.includes(p));
  });
}

const MOUNTINFO = ["owner @{PROC}/@{pid}/mountinfo r,", "owner @{PROC}/self/mountinfo r,"];
const FLAVORS: readonly [string, AttrMap][] = [
  ["no flavor", {}],
  ["legacy-container", { flavor: "legacy-container" }],
  ["no-container", { flavor: "no-container" }],
  ["an unknown flavor", { flavor: "process" }],
];

describe("greengrass-support", () => {
  it.each([
    [{}, "/var/snap/app/x1/rootfs/old_rootfs/x", "r", false],
    [{}, "/dev/loop3", "rw", true],
    [{}, "/state/shadow/thing.json", "krw", true],
    [{}, "/lambda/handler.py", "rix", true],
    [{}, "/old_rootfs/sys/fs/cgroup/memory/system.slice/0123abcd-0123-4567-89ab-0123456789ab/tasks", "rw", true],
    [{}, "/old_rootfs/sys/fs/cgroup/net_cls,net_prio/system.slice/0123abcd-0123-4567-89ab-0123456789ab/tasks", "rw", true],
    [{}, "/etc/ssl/certs/ca-certificates.crt", "r", true],
    [{}, "/usr/lib/python3/dist-packages/x/y.py", "r", true],
    [{ flavor: "legacy-container" }, "/run/greengrassd.pid", "rw", true],
    [{ flavor: "no-container" }, "/bin/runc", "rix", true],
    [{ flavor: "no-container" }, "/dev/loop3", "rw", false],
    [{ flavor: "no-container" }, "/state/shadow/thing.json", "r", false],
    [{ flavor: "process" }, "/bin/runc", "x", false],
    [{}, "/etc/shadow", "r", false],
    [{}, "/old_rootfs/sys/fs/cgroup/memory/user.slice/tasks", "w", false],
  ] as const)("with %j, %s (%s): %s", (attrs, file, perms, granted) => {
    expect(grants(rules(attrs as AttrMap), file, perms)).toBe(granted);
  });

  it.each(FLAVORS)("reading the own mount table comes with every flavor (%s)", (_what, attrs) => {
    expect(rules(attrs)).toEqual(expect.arrayContaining(MOUNTINFO));
  });

  it("the container flavor mounts, pivots and makes devices only inside the snap's data", () => {
    const r = rules();
    expect(r).toContain("pivot_root oldroot=/var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/*/rootfs/old_rootfs/ /var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/*/rootfs/,");
    expect(r).toContain("capability mknod,");
    expect(r.filter((l) => /^mount\s*,$|^mount -> \/\*\*|^pivot_root,$/.test(l))).toEqual([]);
    expect(r.some((l) => l.startsWith("/system-data/"))).toBe(false);
    expect(r).not.toContain("userns,");
    for (const call of ["mount", "umount2", "pivot_root", "unshare", "setns - CLONE_NEWNS", "keyctl", "mknod - |020000 -"]) expect(syscalls()).toContain(call);
    for (const call of ["init_module", "ptrace", "setns"]) expect(syscalls()).not.toContain(call);
  });

  it.each([
    ["no-container", { flavor: "no-container" }],
    ["an unknown flavor", { flavor: "process" }],
  ])("%s adds no system calls", (_what, attrs) => {
    expect(syscalls(attrs)).toEqual([]);
  });

  it.each([
    ["a number", 1],
    ["a boolean", true],
    ["a list", ["no-container"]],
    ["a map", { kind: "no-container" }],
  ])("refuses %s as flavor", (_what, value) => {
    const p = plugInfo("gg", m.name, { flavor: value } as AttrMap, "g");
    expect(() => m.sanitizePlug!(p)).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(p)).toThrow(/flavor must be a string/);
  });

  it.each(FLAVORS)("accepts %s, as snapd does", (_what, attrs) => {
    expect(m.sanitizePlug!(plugInfo("gg", m.name, attrs, "g"))).toEqual(attrs);
  });

  it("compiles every flavor, in AppArmor and seccomp", async () => {
    const registry = builtinRegistry();
    const repo = new Repository(registry, DEFAULT_DEVICE);
    const apps = FLAVORS.map((_, i) => `  a${i}:\n    command: bin/a\n    plugs: [p${i}]\n`).join("");
    const plugs = FLAVORS.map(([, attrs], i) => `  p${i}:\n    interface: greengrass-support\n${attrs["flavor"] ? `    flavor: ${String(attrs["flavor"])}\n` : ""}`).join("");
    repo.addSnap(parseSnapYaml(`name: gg\nversion: '1'\napps:\n${apps}plugs:\n${plugs}`, { file: "snap.yaml" }), "x1");
    FLAVORS.forEach(([, attrs], i) => {
      repo.setConnection({ plug: { snap: "gg", name: `p${i}` }, slot: { snap: repo.systemSnapName, name: m.name }, interface: m.name, auto: false, byGadget: false, undesired: false, plugStatic: attrs, slotStatic: {} });
    });
    const paths = makePaths("/");
    const plan = planSnap(paths, repo, registry, repo.snap("gg")!);
    const dir = await mkdtemp(path.join(tmpdir(), "greengrass-support-"));
    try {
      const files: string[] = [];
      for (let i = 0; i < FLAVORS.length; i++) {
        const f = path.join(dir, `snap.gg.a${i}`);
        await writeFile(f, plan.get(path.join(paths.apparmorProfilesDir, `snap.gg.a${i}`))!);
        files.push(f);
      }
      const r = await execa("apparmor_parser", ["-Q", "-K", ...files], { reject: false });
      expect(r.stderr.replace(/^Cache read\/write disabled.*\n?/m, "")).toBe("");
      expect(r.exitCode).toBe(0);
      await compileSeccompBatch(
        FLAVORS.map((_, i) => ({ source: parseSeccompSource(plan.get(path.join(paths.seccompDir, `snap.gg.a${i}.src`))!, `a${i}.src`), output: path.join(dir, `a${i}.bin`) })),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
