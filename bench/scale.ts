// Benchmarks at scale: what users feel on systems of 10, 100 and 500 snaps.
// Every figure is the median (and spread) of repeated runs of the bundled CLI
// as a user runs it, with wall time, CPU time and peak RSS from wait4().
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { packageRoot } from "../src/files/index.js";
import { loadSystem } from "../src/ops/system.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { generateSystem, writeSnaps, type GeneratedSnap } from "./generate.js";

interface Usage {
  wall: number;
  user: number;
  sys: number;
  maxrss_kb: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Row {
  readonly case: string;
  readonly snaps: number;
  readonly wallS: Spread;
  readonly cpuS?: Spread;
  readonly peakRssMiB?: number;
  readonly note?: string;
}

const repo = packageRoot();
const bin = path.join(repo, "bin/plugboard.js");
const rusage = path.join(repo, "bench/rusage.py");

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)]!, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** Runs argv under the wait4 helper; fails loudly with the command's stderr. */
function measured(argv: readonly string[], env: Record<string, string> = {}): Usage {
  const r = spawnSync("python3", [rusage, ...argv], { encoding: "utf8", env: { ...process.env, PLUGBOARD_ROOT: "", ...env }, maxBuffer: 64 << 20 });
  const lines = r.stderr.trim().split("\n");
  const u = JSON.parse(lines.at(-1)!) as Usage & { status: number };
  if (u.status !== 0) throw new Error(`${argv.join(" ")} exited ${u.status}: ${lines.slice(0, -1).join("\n")}`);
  return u;
}

const pb = (root: string, ...args: string[]) => [process.execPath, bin, "--root", root, ...args];

/** Every generated file (profiles, filters, mount and udev files) with a hash of its content. */
async function generatedFiles(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const dirs = ["var/lib/plugboard/apparmor/profiles", "var/lib/plugboard/seccomp/bpf", "var/lib/plugboard/mount", "etc/udev/rules.d"];
  for (const d of dirs) {
    for (const f of await fs.readdir(path.join(root, d)).catch(() => [] as string[])) {
      const p = path.join(root, d, f);
      out.set(path.join(d, f), createHash("sha1").update(await fs.readFile(p)).digest("hex") + (await fs.stat(p)).mtimeMs);
    }
  }
  return out;
}

const changedBetween = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();

/** Removes everything generated and the system key: the next converge is a cold full regeneration. */
async function wipeGenerated(root: string): Promise<void> {
  for (const d of ["var/lib/plugboard/apparmor", "var/lib/plugboard/seccomp", "var/lib/plugboard/mount", "etc/udev", "var/cache/plugboard", "var/lib/plugboard/system-key.json"]) {
    await fs.rm(path.join(root, d), { recursive: true, force: true });
  }
}

/** A root with N generated snaps installed through the seed directory (profiles not yet compiled). */
export async function buildSystem(n: number, log: (s: string) => void): Promise<{ root: string; snaps: GeneratedSnap[] }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `plugboard-bench-${n}-`));
  await fs.mkdir(path.join(root, "etc/plugboard"), { recursive: true });
  await fs.writeFile(path.join(root, "etc/plugboard/device.yaml"), "mode: classic\n");
  const snaps = generateSystem(n, n);
  await writeSnaps(path.join(root, "var/lib/plugboard/seed"), snaps);
  const started = performance.now();
  // Setup is not measured: the parser is skipped here, the cold run below compiles everything.
  measured(pb(root, "agent", "--once"), { PLUGBOARD_APPARMOR_PARSER: "true" });
  log(`  set up ${snaps.length} snaps (${n} + providers) in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  return { root, snaps };
}

const profilesOf = (root: string) => {
  const dir = path.join(root, "var/lib/plugboard/apparmor/profiles");
  return existsSync(dir) ? spawnSync("ls", [dir], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map((f) => path.join(dir, f)) : [];
};

export async function coldRegeneration(root: string, n: number, runs: number): Promise<Row[]> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    await wipeGenerated(root);
    const u = measured(pb(root, "agent", "--once"));
    wall.push(u.wall);
    cpu.push(u.user + u.sys);
    rss = Math.max(rss, u.maxrss_kb);
  }
  const profiles = profilesOf(root);
  // The physical floor: the parser alone on the same files, as Plugboard invokes it.
  const jobs = `-j${Math.max(1, Math.min(profiles.length, os.availableParallelism()))}`;
  const pwall: number[] = [];
  const pcpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const u = measured(["apparmor_parser", "-Q", "-K", jobs, ...profiles]);
    pwall.push(u.wall);
    pcpu.push(u.user + u.sys);
  }
  // Render only: load the state and render every snap's files in memory.
  const paths = makePaths(root);
  const rwall: number[] = [];
  for (let i = 0; i < Math.max(runs, 5); i++) {
    const t0 = performance.now();
    const sys = await loadSystem(paths);
    for (const snap of sys.repo.snaps()) if (!snap.isSystem) planSnap(paths, sys.repo, sys.registry, snap);
    rwall.push((performance.now() - t0) / 1000);
  }
  const files = (await generatedFiles(root)).size;
  return [
    { case: "cold full regeneration (agent --once)", snaps: n, wallS: spread(wall), cpuS: spread(cpu), peakRssMiB: rss / 1024, note: `${profiles.length} profiles, ${files} files` },
    { case: "  apparmor_parser alone, same profiles", snaps: n, wallS: spread(pwall), cpuS: spread(pcpu), note: `${jobs}` },
    { case: "  render only (load state + render, in process)", snaps: n, wallS: spread(rwall), note: `${((spread(rwall).median / spread(pwall).median) * 100).toFixed(1)}% of the parser's time` },
  ];
}

export interface ConnectResult {
  readonly row: Row;
  readonly plug: string;
  readonly slot: string;
  readonly rewritten: string[];
  readonly compiled: string[];
  /** Files rewritten that belong to neither end of the connection: must be none. */
  readonly strays: string[];
}

/** The connections the connect benchmark makes: one to a system slot, one between two snaps. */
export function connectTargets(snaps: readonly GeneratedSnap[]): { plug: string; slot: string }[] {
  const manual = snaps.flatMap((s) => s.manual).find(Boolean);
  const consumer = snaps.find((s) => /default-provider: (provider-\d+)/.test(s.yaml));
  const out: { plug: string; slot: string }[] = [];
  if (manual) out.push({ plug: manual, slot: `:${manual.split(":")[1]}` });
  if (consumer) out.push({ plug: `${consumer.name}:shared`, slot: `${/default-provider: (provider-\d+)/.exec(consumer.yaml)![1]}:shared` });
  return out;
}

/** One connect (and the disconnect that undoes it), repeated: time, files rewritten, profiles compiled. */
export async function oneConnect(root: string, n: number, target: { plug: string; slot: string }, runs: number, scratch: string): Promise<ConnectResult> {
  const log = path.join(scratch, "parser.log");
  const wrapper = path.join(scratch, "parser-logging");
  // Logs each invocation and runs the real parser: counts what was compiled without changing it.
  await fs.writeFile(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec apparmor_parser "$@"\n`, { mode: 0o755 });
  const env = { PLUGBOARD_APPARMOR_PARSER: wrapper };
  // Auto-connected targets (content) are disconnected first, so each run is a real connect.
  spawnSync(process.execPath, [bin, "--root", root, "disconnect", target.plug, target.slot], { env: { ...process.env, PLUGBOARD_ROOT: "" } });
  const wall: number[] = [];
  const cpu: number[] = [];
  let rewritten: string[] = [];
  let compiled: string[] = [];
  for (let i = 0; i < runs; i++) {
    const before = await generatedFiles(root);
    await fs.rm(log, { force: true });
    const u = measured(pb(root, "connect", target.plug, target.slot), env);
    wall.push(u.wall);
    cpu.push(u.user + u.sys);
    rewritten = changedBetween(before, await generatedFiles(root));
    compiled = readFileSync(log, "utf8").split(/\s+/).filter((w) => w.includes("/apparmor/profiles/")).map((f) => path.basename(f));
    measured(pb(root, "disconnect", target.plug, target.slot), env);
  }
  measured(pb(root, "connect", target.plug, target.slot));
  const ends = [target.plug.split(":")[0], target.slot.split(":")[0]].filter(Boolean);
  const owner = (f: string) => /(?:snap\.|plugboard\.)([a-z0-9-]+)[._]/.exec(path.basename(f))?.[1];
  const strays = [...rewritten, ...compiled].filter((f) => !ends.includes(owner(f) ?? ""));
  return {
    row: { case: `connect ${target.plug} ${target.slot}`, snaps: n, wallS: spread(wall), cpuS: spread(cpu), note: `${rewritten.length} files rewritten, ${compiled.length} profiles compiled, ${strays.length} outside its two snaps` },
    plug: target.plug,
    slot: target.slot,
    rewritten,
    compiled,
    strays,
  };
}

export async function warmRestart(root: string, n: number, runs: number): Promise<Row> {
  const wall: number[] = [];
  let written = 0;
  for (let i = 0; i < runs; i++) {
    const before = await generatedFiles(root);
    wall.push(measured(pb(root, "agent", "--once")).wall);
    written += changedBetween(before, await generatedFiles(root)).length;
  }
  return { case: "warm restart, same system key (agent --once)", snaps: n, wallS: spread(wall), note: `${written} files rewritten in ${runs} runs` };
}

export async function cliLatency(root: string, n: number, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const args of [["interfaces"], ["connections", "--all"]]) {
    const wall: number[] = [];
    let rss = 0;
    for (let i = 0; i < runs + 1; i++) {
      const u = measured(pb(root, ...args));
      if (i > 0) wall.push(u.wall); // the first run warms the page cache
      rss = Math.max(rss, u.maxrss_kb);
    }
    rows.push({ case: `plugboard ${args.join(" ")} (no agent: direct)`, snaps: n, wallS: spread(wall), peakRssMiB: rss / 1024 });
  }
  return rows;
}

/** The agent's resident memory once it has converged and is only watching. */
export async function agentIdleRss(root: string, n: number): Promise<Row> {
  const status = path.join(root, "var/lib/plugboard/agent-status.json");
  await fs.rm(status, { force: true });
  const child = spawn(process.execPath, pb(root, "agent").slice(1), { stdio: "ignore", env: { ...process.env, PLUGBOARD_ROOT: "" } });
  try {
    const t0 = performance.now();
    while (!existsSync(status)) {
      if (performance.now() - t0 > 300_000) throw new Error("the agent did not converge within 300s");
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? NaN);
    return { case: "agent idle RSS (converged, watching)", snaps: n, wallS: spread([(performance.now() - t0) / 1000]), peakRssMiB: kb / 1024, note: "MiB is the resident size, not a peak" };
  } finally {
    child.kill("SIGTERM");
  }
}

/** Whether a GET on the agent's socket is answered 200 (for the first-request figure). */
function answered(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: "/v2/system-info" }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.end();
  });
}

/**
 * The API as snapd's own clients meet it: the real snap command (Debian's
 * snapd package) against a running agent. The time from starting the agent
 * to its first answered request, `snap connections --all` and `snap
 * interfaces` (fresh snap processes), a connect+disconnect pair through the
 * API (with the real parser), and the agent's resident size after serving
 * them. Left out, with a note, where the snap command is not installed.
 */
export async function apiLatency(root: string, n: number, target: { plug: string; slot: string } | undefined, runs: number): Promise<Row[]> {
  if (spawnSync("snap", ["version"], { env: { ...process.env, SNAPPY_GLOBAL_ROOT: "/nonexistent" } }).error) {
    return [{ case: "API (snap command)", snaps: n, wallS: spread([0]), note: "skipped: the snap command is not installed (Debian package snapd)" }];
  }
  const socket = path.join(root, "run/snapd.socket");
  const t0 = performance.now();
  const child = spawn(process.execPath, pb(root, "agent").slice(1), { stdio: "ignore", env: { ...process.env, PLUGBOARD_ROOT: "" } });
  const rows: Row[] = [];
  try {
    while (!(await answered(socket))) {
      if (performance.now() - t0 > 300_000) throw new Error("the agent did not answer within 300s");
      await new Promise((r) => setTimeout(r, 20));
    }
    rows.push({ case: "API: first request answered after agent start", snaps: n, wallS: spread([(performance.now() - t0) / 1000]) });
    const snap = (...args: string[]) => measured(["snap", ...args], { SNAPPY_GLOBAL_ROOT: root, LANG: "C.UTF-8" });
    for (const args of [["connections", "--all"], ["interfaces"]]) {
      const wall: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const u = snap(...args);
        if (i > 0) wall.push(u.wall);
      }
      rows.push({ case: `API: snap ${args.join(" ")}`, snaps: n, wallS: spread(wall) });
    }
    // The plugboard CLI as a thin client of the same agent (fresh processes).
    for (const args of [["interfaces"], ["connections", "--all"]]) {
      const wall: number[] = [];
      let rss = 0;
      for (let i = 0; i < runs + 1; i++) {
        const u = measured(pb(root, ...args));
        if (i > 0) wall.push(u.wall);
        rss = Math.max(rss, u.maxrss_kb);
      }
      rows.push({ case: `API: plugboard ${args.join(" ")} (thin client)`, snaps: n, wallS: spread(wall), peakRssMiB: rss / 1024 });
    }
    if (target) {
      // Auto-connected targets are disconnected first, so each pair is a real connect and a real disconnect.
      spawnSync("snap", ["disconnect", target.plug, target.slot], { env: { ...process.env, SNAPPY_GLOBAL_ROOT: root } });
      const wall: number[] = [];
      for (let i = 0; i < runs; i++) wall.push(snap("connect", target.plug, target.slot).wall + snap("disconnect", target.plug, target.slot).wall);
      rows.push({ case: `API: snap connect + disconnect ${target.plug}`, snaps: n, wallS: spread(wall), note: "the pair, with the real parser" });
      const ours: number[] = [];
      for (let i = 0; i < runs; i++) ours.push(measured(pb(root, "connect", target.plug, target.slot)).wall + measured(pb(root, "disconnect", target.plug, target.slot)).wall);
      rows.push({ case: `API: plugboard connect + disconnect ${target.plug}`, snaps: n, wallS: spread(ours), note: "thin client; the pair, with the real parser" });
    }
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? NaN);
    rows.push({ case: "API: agent RSS after serving", snaps: n, wallS: spread([0]), peakRssMiB: kb / 1024, note: "resident size, not a peak" });
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  return rows;
}
