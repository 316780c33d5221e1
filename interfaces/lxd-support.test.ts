import { execa } from "execa";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { DEFAULT_DEVICE } from "../src/device/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { badPlugsOrSlotsWarning, Repository, sanitizeSnap } from "../src/repo/index.js";
import { parseSnapYaml, type AttrMap, type PlugInfo } from "../src/snap/index.js";
import { builtinRegistry } from "./index.js";
import mod from "./lxd-support.js";
import { plugInfo, connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => plugInfo(snap, m.name, attrs, name);
const ctx = (plugAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, {}, { system: true });
const rules = (plugAttrs: AttrMap = {}): string[] => ruleLines(snippet(m, "connectedPlug", ctx(plugAttrs)));

// snapd's lxd-support AppArmor rules; the seccomp side is unrestricted.
const SNAPD_RULES = ["@{PROC}/**/attr/{,apparmor/}current r,", "/{,usr/}{,s}bin/aa-exec ux,", "/var/lib/snapd/hostfs/{etc,usr/lib}/os-release r,"];

describe("lxd-support", () => {
  it.each([
    [{}],
    [{ "enable-unconfined-mode": false }],
    [{ "enable-unconfined-mode": true }],
  ])("grants exactly snapd's rules with %j", (attrs) => {
    expect(rules(attrs)).toEqual(SNAPD_RULES);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx(attrs)))).toEqual(["@unrestricted"]);
  });

  it.each(["/** mrwklix,", "change_profile -> *,", "capability,", "mount,", "ptrace,", "/etc/shadow r,"])("does not grant %s", (rule) => {
    expect(rules()).not.toContain(rule);
    expect(rules({ "enable-unconfined-mode": true })).not.toContain(rule);
  });

  it("grants no file rule over every path and no profile change", () => {
    for (const attrs of [{}, { "enable-unconfined-mode": true }] as AttrMap[]) {
      const r = rules(attrs);
      expect(r.filter((l) => /^\/\*\*/.test(l) || l.startsWith("change_profile") || /-> unconfined/.test(l))).toEqual([]);
    }
  });

  it.each([
    ["a phrase", "yes please"],
    ["a number", 1],
    ["a list", [true]],
    ["a map", { on: true }],
    ["a string with a newline", "true\nchange_profile -> unconfined,"],
  ])("refuses enable-unconfined-mode as %s, naming snap, plug and attribute", (_what, value) => {
    const attrs = { "enable-unconfined-mode": value } as AttrMap;
    expect(() => m.sanitizePlug!(endpoint("lxd", "support", attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpoint("lxd", "support", attrs))).toThrow(/enable-unconfined-mode must be true or false/);
    const info = parseSnapYaml(`name: lxd\nversion: '1'\napps:\n  daemon:\n    command: bin/d\n    plugs: [support]\nplugs:\n  support:\n    interface: lxd-support\n    enable-unconfined-mode: ${JSON.stringify(value)}\n`, { file: "snap.yaml" });
    const { info: kept, bad } = sanitizeSnap(info, builtinRegistry());
    expect(kept.plugs["support"]).toBeUndefined();
    const warning = badPlugsOrSlotsWarning("lxd", bad);
    expect(warning).toContain('"lxd"');
    expect(warning).toContain("support (lxd-support plug: enable-unconfined-mode must be true or false");
    expect(warning).not.toMatch(/\n/);
  });

  it("refuses unknown attributes", () => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", { privileged: true }))).toThrow(/unknown attribute "privileged"/);
  });

  it("compiles, with and without enable-unconfined-mode", async () => {
    const registry = builtinRegistry();
    const repo = new Repository(registry, DEFAULT_DEVICE);
    repo.addSnap(parseSnapYaml("name: lxd\nversion: '1'\napps:\n  a:\n    command: bin/a\n  b:\n    command: bin/b\n    plugs: [free]\nplugs:\n  free:\n    interface: lxd-support\n    enable-unconfined-mode: true\n  support:\n    interface: lxd-support\n", { file: "snap.yaml" }), "x1");
    for (const [name, attrs] of [["support", {}], ["free", { "enable-unconfined-mode": true }]] as const) {
      repo.setConnection({ plug: { snap: "lxd", name }, slot: { snap: repo.systemSnapName, name: "lxd-support" }, interface: "lxd-support", auto: false, byGadget: false, undesired: false, plugStatic: attrs, slotStatic: {} });
    }
    const paths = makePaths("/");
    const plan = planSnap(paths, repo, registry, repo.snap("lxd")!);
    const dir = await mkdtemp(path.join(tmpdir(), "lxd-support-"));
    try {
      const files = [];
      for (const app of ["a", "b"]) {
        const f = path.join(dir, `snap.lxd.${app}`);
        await writeFile(f, plan.get(path.join(paths.apparmorProfilesDir, `snap.lxd.${app}`))!);
        files.push(f);
      }
      const r = await execa("apparmor_parser", ["-Q", "-K", ...files], { reject: false });
      expect(r.stderr.replace(/^Cache read\/write disabled.*\n?/m, "")).toBe("");
      expect(r.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
