import { execa } from "execa";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinInterfaces, builtinRegistry } from "../interfaces/index.js";
import { DEFAULT_DEVICE, type DeviceMode } from "../src/device/index.js";
import type { HostFeatures } from "../src/iface/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { Repository } from "../src/repo/index.js";
import { parseSeccompSource } from "../src/backends/seccomp/index.js";
import { parseSnapYaml, type SnapInfo } from "../src/snap/index.js";
import { compileSeccompBatch, probeHostFeatures } from "../src/system/index.js";

// The real apparmor_parser (-Q: compile, no kernel needed) must accept every
// profile we render: for every interface on both sides, and for the corpus.

const paths = makePaths("/");
const registry = builtinRegistry();
const CORPUS = path.resolve(import.meta.dirname, "fixtures/corpus");

/** Connects every plug to a slot of its interface: the system snap's, else any other snap's. */
function connectEverything(repo: Repository): number {
  let n = 0;
  for (const plug of repo.allPlugs()) {
    const slots = repo.allSlots().filter((s) => s.interface === plug.interface);
    const slot = slots.find((s) => s.snap === repo.systemSnapName) ?? slots.find((s) => s.attrs["content"] === plug.attrs["content"]) ?? slots[0];
    if (!slot) continue;
    repo.setConnection({ plug: { snap: plug.snap, name: plug.name }, slot: { snap: slot.snap, name: slot.name }, interface: plug.interface, auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: slot.attrs });
    n++;
  }
  return n;
}

async function compileAll(repo: Repository, host?: HostFeatures): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), "profiles-"));
  try {
    const files: string[] = [];
    for (const snap of repo.snaps()) {
      for (const [file, content] of planSnap(paths, repo, registry, snap, host)) {
        if (path.dirname(file) !== paths.apparmorProfilesDir) continue;
        const f = path.join(dir, path.basename(file));
        await writeFile(f, content);
        files.push(f);
      }
    }
    const r = await execa("apparmor_parser", ["-Q", "-K", "-j2", ...files], { reject: false });
    // The parser names the file and line it refuses; show that, not the long command line.
    if (r.exitCode !== 0) throw new Error(`apparmor_parser refused: ${r.stderr}`);
    return files.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const yaml = (name: string, body: string): SnapInfo => parseSnapYaml(`name: ${name}\nversion: '1'\n${body}`, { file: name });

/**
 * For every interface a consumer and a provider snap connected to each other
 * (and a consumer of the system slot where the interface is implicit), as on
 * a device of this mode.
 */
function everyInterface(mode: DeviceMode, renderable: readonly (typeof builtinInterfaces)[number][]): Repository {
  const repo = new Repository(registry, { ...DEFAULT_DEVICE, mode });
  const attrsYaml = (attrs: object | undefined) => (attrs ? Object.entries(attrs).map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`).join("") : "");
  const apps = "apps:\n  one:\n    command: bin/one\n  two:\n    command: bin/two\nhooks:\n  configure:\n";
  for (const m of renderable) {
    repo.addSnap(yaml(`c-${m.name}`, `${apps}plugs:\n  p:\n    interface: ${m.name}${attrsYaml(m.examples?.plug)}\n`), "x1");
    repo.addSnap(yaml(`s-${m.name}`, `${apps}slots:\n  s:\n    interface: ${m.name}${attrsYaml(m.examples?.slot)}\n`), "x2");
    expect(repo.snap(`c-${m.name}`)!.bad, `${m.name} example plug`).toEqual([]);
    expect(repo.snap(`s-${m.name}`)!.bad, `${m.name} example slot`).toEqual([]);
    const plug = repo.plug({ snap: `c-${m.name}`, name: "p" })!;
    const slot = repo.slot({ snap: `s-${m.name}`, name: "s" })!;
    repo.setConnection({ plug: { snap: plug.snap, name: "p" }, slot: { snap: slot.snap, name: "s" }, interface: m.name, auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: slot.attrs });
    if (m.implicitOn[mode]) {
      repo.addSnap(yaml(`i-${m.name}`, `${apps}plugs:\n  p:\n    interface: ${m.name}${attrsYaml(m.examples?.plug)}\n`), "x3");
      const p2 = repo.plug({ snap: `i-${m.name}`, name: "p" })!;
      repo.setConnection({ plug: { snap: p2.snap, name: "p" }, slot: { snap: "core", name: m.name }, interface: m.name, auto: false, byGadget: false, undesired: false, plugStatic: p2.attrs, slotStatic: {} });
    }
  }
  return repo;
}

describe("apparmor_parser accepts", () => {
  it("every interface's snippets, plug and slot side, connected to an app slot and to the system slot; and every seccomp source compiles", async () => {
    // An interface this parser cannot express is refused when rendered (its own tests show how).
    const host = await probeHostFeatures();
    const renderable = builtinInterfaces.filter((m) => !m.hostRequirement?.(host));
    const repo = everyInterface("classic", renderable);
    const core = everyInterface("core", renderable);
    const profiles = await compileAll(repo, host);
    expect(profiles).toBeGreaterThanOrEqual(renderable.length * 2 * 3);
    // Every module that has AppArmor snippets shows up in the rendered consumer or provider.
    // (Some sides have rules on one kind of device only: either will do.)
    for (const m of renderable) {
      const text = [repo, core].flatMap((r) => [...planSnap(paths, r, registry, r.snap(`c-${m.name}`)!, host).values(), ...planSnap(paths, r, registry, r.snap(`s-${m.name}`)!, host).values()]).join("\n");
      if (m.connectedPlug?.apparmor) expect(text, m.name).toContain(`# --- ${m.name}: c-${m.name}:p to s-${m.name}:s (plug side)`);
      if (m.connectedSlot?.apparmor) expect(text, m.name).toContain(`(slot side)`);
    }
    const dir = await mkdtemp(path.join(tmpdir(), "seccomp-"));
    try {
      const items = [];
      for (const snap of repo.snaps()) {
        for (const [file, content] of planSnap(paths, repo, registry, snap, host)) {
          if (!file.endsWith(".src")) continue;
          items.push({ source: parseSeccompSource(content, file), output: path.join(dir, `${path.basename(file)}.bin`) });
        }
      }
      await compileSeccompBatch(items);
      expect(items.length).toBe(profiles);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 900_000);

  it("on a core device, every profile that differs from a classic device's", async () => {
    const host = await probeHostFeatures();
    const renderable = builtinInterfaces.filter((m) => !m.hostRequirement?.(host));
    const classic = everyInterface("classic", renderable);
    const core = everyInterface("core", renderable);
    const before = new Map<string, string>();
    for (const snap of classic.snaps()) for (const [file, content] of planSnap(paths, classic, registry, snap, host)) before.set(file, content);
    const dir = await mkdtemp(path.join(tmpdir(), "profiles-core-"));
    try {
      const files: string[] = [];
      const items = [];
      for (const snap of core.snaps()) {
        for (const [file, content] of planSnap(paths, core, registry, snap, host)) {
          if (before.get(file) === content) continue;
          if (path.dirname(file) === paths.apparmorProfilesDir) {
            const f = path.join(dir, path.basename(file));
            await writeFile(f, content);
            files.push(f);
          } else if (file.endsWith(".src")) {
            items.push({ source: parseSeccompSource(content, file), output: path.join(dir, `${path.basename(file)}.bin`) });
          }
        }
      }
      // The modules whose rules snapd makes depend on the mode differ here.
      expect(files.length).toBeGreaterThan(0);
      const r = await execa("apparmor_parser", ["-Q", "-K", "-j2", ...files], { reject: false });
      if (r.exitCode !== 0) throw new Error(`apparmor_parser refused: ${r.stderr}`);
      if (items.length) await compileSeccompBatch(items);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 900_000);

  it("the whole corpus, every plug connected", async () => {
    const repo = new Repository(registry, DEFAULT_DEVICE);
    let parsed = 0;
    for (const f of readdirSync(CORPUS).filter((x) => x.endsWith(".yaml"))) {
      let info: SnapInfo;
      try {
        info = parseSnapYaml(readFileSync(path.join(CORPUS, f), "utf8"), { file: f, flavour: "snapcraft.yaml" });
      } catch {
        continue; // The corpus test names the files that are refused and why.
      }
      if (repo.snap(info.name) || info.name === "core" || info.name === "snapd") continue;
      repo.addSnap(info, "x1");
      parsed++;
    }
    const connections = connectEverything(repo);
    const started = Date.now();
    const profiles = await compileAll(repo);
    console.log(`corpus: ${parsed} snaps, ${connections} connections, ${profiles} profiles compiled by apparmor_parser -Q in ${Date.now() - started} ms`);
    expect(profiles).toBeGreaterThan(300);
  }, 900_000);
});
