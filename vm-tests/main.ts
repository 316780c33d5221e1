// `npm run test:vm`: builds (or reuses) the guest image, boots a core-like and
// a classic VM side by side (one vCPU each), runs every scenario on both,
// and prints one table row per system and scenario. The classic scenarios are
// split over two VMs: the one that runs the long end-to-end checks takes the
// first interface rows, and a second classic VM runs the rest once the core
// VM is done, so neither lane idles while the other works.
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { packageRoot } from "../src/files/index.js";
import { GuestSystem } from "./lib/guest-system.js";
import { ensureImage, type Image } from "./lib/image.js";
import { formatTable, summarize } from "./lib/report.js";
import { buildProbe, type TestSnap } from "./lib/snaps.js";
import { Store } from "./lib/store.js";
import { LocalMachine } from "./lib/local.js";
import { kvmWorthTrying, Vm, type SystemKind, type VmOptions } from "./lib/vm.js";
import { runClassicAgentAndShell, runCliInGuest, runReadOnlyRoot, runRebootScenarios } from "./scenarios/e2e.js";
import { installGadget, runForgetScenario, runHelloDockerScenario, runInterfaceScenario, type Ctx, type ScenarioResult } from "./scenarios/flow.js";
import { runHostPtyScenario } from "./scenarios/host-pty.js";
import { INTERFACE_SCENARIOS } from "./scenarios/interfaces.js";

interface Options {
  systems: SystemKind[];
  only?: RegExp;
  keep: boolean;
  /** Run on this machine instead of VMs, as this kind of system. */
  local?: SystemKind;
}

const TOOLS = ["qemu-system-x86_64", "qemu-img", "mmdebstrap", "mksquashfs", "mkfs.ext4", "cc", "apparmor_parser", "bwrap"];

function parseArgs(argv: readonly string[]): Options | string {
  const o: Options = { systems: ["core", "classic"], keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--system") {
      const v = argv[++i];
      if (v !== "core" && v !== "classic") return `--system takes core or classic, not ${JSON.stringify(v)}`;
      o.systems = [v];
    } else if (a === "--only") {
      const v = argv[++i];
      if (!v) return "--only needs a pattern (matched against scenario names)";
      o.only = new RegExp(v, "i");
    } else if (a === "--keep") o.keep = true;
    else if (a === "--local") {
      const v = argv[i + 1] === "core" || argv[i + 1] === "classic" ? (argv[++i] as SystemKind) : "classic";
      o.local = v;
      o.systems = [v];
    }
    else return `unknown argument ${JSON.stringify(a)}; usage: test:vm [--system core|classic] [--only PATTERN] [--keep] [--local [core|classic]]`;
  }
  return o;
}

const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "image") {
    for (const kind of ["core", "classic"] as const) {
      const r = await ensureImage(kind, log);
      log(`${r.built ? "built" : "cached"} ${r.image.dir}`);
    }
    return 0;
  }
  if (argv[0] === "job") return debugJob(argv[1] === "classic" ? "classic" : "core", argv[2] ?? "/dev/stdin");
  const opts = parseArgs(argv);
  if (typeof opts === "string") {
    process.stderr.write(`error: ${opts}\n`);
    return 2;
  }
  const missing = (opts.local ? ["cc", "apparmor_parser", "bwrap", "mksquashfs"] : TOOLS).filter((t) => {
    try {
      execFileSync("sh", ["-c", `command -v ${t}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) {
    process.stderr.write(`error: missing tools: ${missing.join(", ")}; run scripts/install-deps.sh --vm as root\n`);
    return 2;
  }
  const started = Date.now();
  const out = await mkdtemp(path.join(tmpdir(), "plugboard-vm-"));
  const store = await Store.create();
  const snapsDir = path.join(out, "snaps");
  await mkdir(snapsDir, { recursive: true });
  const ctx: Ctx = { probe: await buildProbe(out), snapsDir, log };
  const pkg = await stagePackage(out, "pkg");
  const pkgNext = await stagePackage(out, "pkg-next", "+vmtest-upgrade");
  let runs: Promise<ScenarioResult[]>[];
  if (opts.local) {
    log(`running on this machine as a ${opts.local} system`);
    runs = [runLocal(opts.local, { out, store, ctx, pkg, pkgNext, only: opts.only })];
  } else {
    const images: Partial<Record<SystemKind, Image>> = {};
    for (const kind of opts.systems) {
      const { image, built, seconds } = await ensureImage(kind, log);
      log(built ? `${kind} guest image built in ${seconds.toFixed(0)}s: ${image.dir}` : `${kind} guest image ${image.hash} from the cache: ${image.dir}`);
      images[kind] = image;
    }
    const accel = await chooseAccel(Object.values(images)[0]!, out);
    log(`accelerator: ${accel}; systems: ${opts.systems.join(", ")}`);
    const run: SystemRun = { images, out, accel, store, ctx, pkg, pkgNext, only: opts.only };
    runs = lanes(opts.systems).map(async (lane) => {
      const results: ScenarioResult[] = [];
      for (const part of lane) results.push(...(await runSystem(part, run)));
      return results;
    });
  }
  const host = !opts.local && (!opts.only || opts.only.test("interactive shell (pty): network")) ? [runHostPtyScenario(ctx)] : [];
  const results = (await Promise.all([...runs, ...host.map((p) => p.then((r) => [r]))])).flat();
  await store.dispose();

  const failed = results.filter((r) => !r.ok);
  process.stdout.write("\n" + formatTable(results) + "\n");
  for (const f of failed) process.stdout.write(`\nFAILED ${f.system} / ${f.scenario}:\n  ${f.problems.join("\n  ")}\n`);
  await writeFile(path.join(out, "results.json"), JSON.stringify({ results, minutes: (Date.now() - started) / 60000 }, null, 2));
  for (const r of results.filter((r) => r.notes.length)) process.stdout.write(`\nnot decided on this kernel, ${r.system} / ${r.scenario}:\n  ${r.notes.join("\n  ")}\n`);
  process.stdout.write(`\nVM scenarios: ${summarize(results)}; ${((Date.now() - started) / 60000).toFixed(1)} min\n`);
  if (failed.length || opts.keep) process.stdout.write(`kept for reading: ${out} (serial logs, shares, results.json)\n`);
  else await rm(out, { recursive: true, force: true });
  return failed.length ? 1 : 0;
}

interface Common {
  out: string;
  store: Store;
  ctx: Ctx;
  pkg: string;
  pkgNext: string;
  only: RegExp | undefined;
}

interface SystemRun extends Common {
  images: Partial<Record<SystemKind, Image>>;
  accel: "kvm" | "tcg";
}

/** What one VM runs: some of a system's interface rows, and maybe its other scenarios. */
interface Part {
  /** The VM's name: its directory, serial log and log prefix. */
  readonly name: string;
  readonly kind: SystemKind;
  /** Which of the system's interface rows (by position among those that apply to it). */
  readonly rows: (index: number) => boolean;
  /** undesired/--forget and hello-docker. */
  readonly common: boolean;
  /** The end-to-end checks: the guest's CLI and read-only root (core), agent, shell and reboots (classic). */
  readonly e2e: boolean;
}

/**
 * How many classic interface rows the VM with the end-to-end checks runs.
 * Measured under TCG on 2 cores: a row takes about 22 s, the classic
 * end-to-end checks and reboots about 12 min, the core VM about 16 min with
 * 34 rows; with 49 rows, 32 here make the lanes end within a few minutes of
 * each other.
 */
const CLASSIC_E2E_ROWS = 32;

const COMMON_SCENARIOS = ["undesired / --forget across refresh", "hello-docker (content + docker)"];
const E2E_SCENARIOS: Record<SystemKind, string[]> = {
  core: ["read-only root, writable paths only", "CLI in the guest: camera", "denial → `plugboard denials` suggestion"],
  classic: ["agent service: seed at boot", "hello-docker interactive shell (pty)", "denial → `plugboard denials` suggestion", "reboot, same system key: cache reload", "reboot after upgrade: full regeneration"],
};

/** The interface rows that apply to a system, in order: Part.rows indexes these. */
const rowsFor = (kind: SystemKind) => INTERFACE_SCENARIOS.filter((sc) => !sc.systems || sc.systems.includes(kind));

/** Whether --only leaves this VM anything to run (else it is not booted). */
function partHasWork(part: Part, only: RegExp | undefined): boolean {
  if (!only) return true;
  return (
    rowsFor(part.kind).some((sc, i) => part.rows(i) && only.test(sc.name)) ||
    (part.common && COMMON_SCENARIOS.some((n) => only.test(n))) ||
    (part.e2e && E2E_SCENARIOS[part.kind].some((n) => only.test(n)))
  );
}

/** The VMs to boot, in lanes that run side by side (one vCPU each). */
function lanes(systems: readonly SystemKind[]): Part[][] {
  const core: Part = { name: "core", kind: "core", rows: () => true, common: true, e2e: true };
  const classicA: Part = { name: "classic", kind: "classic", rows: (i) => i < CLASSIC_E2E_ROWS, common: false, e2e: true };
  const classicB: Part = { name: "classic-2", kind: "classic", rows: (i) => i >= CLASSIC_E2E_ROWS, common: true, e2e: false };
  if (!systems.includes("classic")) return [[core]];
  if (!systems.includes("core")) return [[classicA], [classicB]];
  return [[core, classicB], [classicA]];
}

const HELLO_DOCKER: TestSnap = { name: "hello-docker", fromExample: "hello-docker", yaml: "", probe: false };
const DOCKER: TestSnap = { name: "docker", fromExample: "docker", yaml: "" };
const CAMERA: TestSnap = { name: "t-camera", yaml: 'name: t-camera\nversion: "1"\nsummary: VM test snap for camera\napps:\n  probe:\n    command: bin/probe\nplugs:\n  camera: {}\n' };

/** The share every system gets: the probe, the staged package, a place for snaps. */
async function prepareShare(dir: string, r: Common): Promise<string> {
  const share = path.join(dir, "share");
  await mkdir(path.join(share, "tools"), { recursive: true });
  await mkdir(path.join(share, "snaps"), { recursive: true });
  await cp(r.ctx.probe, path.join(share, "tools/pb-probe"));
  await cp(r.pkg, path.join(share, "pkg"), { recursive: true });
  await cp(r.pkgNext, path.join(share, "pkg-next"), { recursive: true });
  return share;
}

function reporter(name: string, r: Common, results: ScenarioResult[]) {
  return (res: ScenarioResult) => {
    results.push(res);
    r.ctx.log(`[${name}] ${res.skipped ? "skip" : res.ok ? "ok  " : "FAIL"} ${res.scenario}: ${res.steps.join(" → ")} (${res.seconds.toFixed(1)}s)`);
  };
}

/** The scenarios every system runs: the interface rows, undesired/--forget, hello-docker. */
async function runCommonScenarios(sys: GuestSystem, r: Common, say: (res: ScenarioResult) => void, part: Pick<Part, "rows" | "common"> = { rows: () => true, common: true }): Promise<void> {
  const want = (name: string) => !r.only || r.only.test(name);
  await sys.init();
  await installGadget(sys, r.ctx);
  for (const [i, sc] of rowsFor(sys.kind).entries()) {
    if (!part.rows(i) || !want(sc.name)) continue;
    say(await runInterfaceScenario(sys, r.ctx, sc));
  }
  if (!part.common) return;
  const [forget, helloDocker] = COMMON_SCENARIOS as [string, string];
  if (want(forget)) say(await runForgetScenario(sys, r.ctx));
  if (want(helloDocker)) say(await runHelloDockerScenario(sys, r.ctx, DOCKER, HELLO_DOCKER));
}

const harnessFailure = (kind: SystemKind, e: unknown): ScenarioResult => ({
  system: kind,
  scenario: "harness",
  layer: "-",
  steps: ["error!"],
  ok: false,
  seconds: 0,
  problems: [e instanceof Error ? (e.stack ?? e.message) : String(e)],
  notes: [],
});

async function runLocal(kind: SystemKind, r: Common): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const say = reporter(kind, r, results);
  const machine = await LocalMachine.open(kind, await prepareShare(path.join(r.out, "local"), r));
  try {
    const sys = new GuestSystem(kind, machine, r.store);
    await runCommonScenarios(sys, r, say);
    if (!r.only || r.only.test("CLI in the guest: camera")) for (const res of await runCliInGuest(sys, r.ctx, CAMERA)) say(res);
  } catch (e) {
    results.push(harnessFailure(kind, e));
  } finally {
    await machine.close();
  }
  return results;
}

async function runSystem(part: Part, r: SystemRun): Promise<ScenarioResult[]> {
  const { kind, name } = part;
  if (!partHasWork(part, r.only)) return [];
  const dir = path.join(r.out, name);
  const share = await prepareShare(dir, r);
  const image = r.images[kind]!;
  let disk: string | undefined;
  if (kind === "classic") {
    // A copy-on-write disk over the cached image: survives the reboots, leaves the image untouched.
    disk = path.join(dir, "disk.qcow2");
    await execa("qemu-img", ["create", "-q", "-f", "qcow2", "-b", image.ext4, "-F", "qcow2", disk]);
  }
  const vmOpts: VmOptions = {
    name,
    kind,
    image,
    share,
    ...(disk ? { disk } : {}),
    outDir: dir,
    accel: r.accel,
    bootTimeoutMs: kind === "core" ? 180_000 : 300_000,
    deadlineMs: 40 * 60_000,
  };
  const results: ScenarioResult[] = [];
  const say = reporter(name, r, results);
  const want = (scenario: string) => !r.only || r.only.test(scenario);
  let current: Vm;
  try {
    current = await Vm.boot(vmOpts);
  } catch (e) {
    r.ctx.log(`[${name}] boot failed: ${e instanceof Error ? e.message : String(e)}`);
    return [{ ...harnessFailure(kind, e), scenario: "boot" }];
  }
  r.ctx.log(`[${name}] booted in ${current.bootSeconds.toFixed(1)}s`);
  const sys = new GuestSystem(kind, current, r.store);
  try {
    await runCommonScenarios(sys, r, say, part);
    // From here on the guest's own CLI changes its state: the host root no longer follows it.
    // A part without e2e leaves them to the other VM of its system.
    if (part.e2e && kind === "core") {
      const [readOnly, cli, denials] = E2E_SCENARIOS.core as [string, string, string];
      if (want(readOnly)) say(await runReadOnlyRoot(sys));
      if (want(cli) || want(denials)) for (const res of await runCliInGuest(sys, r.ctx, CAMERA)) say(res);
    } else if (part.e2e && E2E_SCENARIOS.classic.some(want)) {
      for (const res of await runClassicAgentAndShell(sys, current, r.ctx, DOCKER, HELLO_DOCKER)) say(res);
      const reboot = async (prepare: string): Promise<Vm> => {
        await current.must("before-reboot", prepare, 120_000);
        await current.shutdown();
        sys.vm = current = await Vm.boot(vmOpts);
        r.ctx.log(`[${name}] rebooted in ${current.bootSeconds.toFixed(1)}s`);
        return current;
      };
      for (const res of await runRebootScenarios(sys, reboot, "/mnt/share/pkg-next")) say(res);
    }
  } catch (e) {
    results.push(harnessFailure(kind, e));
  } finally {
    await current.shutdown().catch(() => current.destroy());
  }
  return results;
}

/** `test:vm job core|classic FILE`: boots one VM, runs FILE as a job, prints its output (for writing scenarios). */
async function debugJob(kind: SystemKind, file: string): Promise<number> {
  const script = await readFile(file, "utf8");
  const { image } = await ensureImage(kind, log);
  const out = await mkdtemp(path.join(tmpdir(), "plugboard-vm-job-"));
  const share = path.join(out, "share");
  await mkdir(path.join(share, "tools"), { recursive: true });
  await cp(await buildProbe(out), path.join(share, "tools/pb-probe"));
  const vm = await Vm.boot({ name: kind, kind, image, share, outDir: out, accel: "tcg", bootTimeoutMs: 240_000, deadlineMs: 600_000 });
  try {
    const r = await vm.job("debug", script, 500_000);
    process.stdout.write(r.out + `(exit ${r.rc}, ${r.seconds.toFixed(1)}s; boot ${vm.bootSeconds.toFixed(1)}s)\n`);
    return r.rc;
  } finally {
    await vm.shutdown();
    await rm(out, { recursive: true, force: true });
  }
}

/** The bundled CLI as a package the guest can run: what `npm run build` produced, plus templates and the native helper. */
async function stagePackage(out: string, name: string, versionSuffix = ""): Promise<string> {
  const root = packageRoot();
  const dest = path.join(out, name);
  for (const d of ["dist", "bin", "templates", "packaging"]) await cp(path.join(root, d), path.join(dest, d), { recursive: true });
  await mkdir(path.join(dest, "native/build"), { recursive: true });
  for (const helper of ["seccomp-compile", "confine-exec"]) await cp(path.join(root, "native/build", helper), path.join(dest, "native/build", helper));
  const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
  await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "plugboard", version: pkg.version + versionSuffix, type: "module" }, null, 2) + "\n");
  return dest;
}

/** KVM when the CPU offers it and a test boot answers quickly; TCG otherwise. */
async function chooseAccel(image: Image, out: string): Promise<"kvm" | "tcg"> {
  if (!kvmWorthTrying()) return "tcg";
  const share = path.join(out, "kvm-probe");
  await mkdir(share, { recursive: true });
  try {
    const vm = await Vm.boot({ name: "kvm-probe", kind: image.kind, image, share, outDir: out, accel: "kvm", bootTimeoutMs: 20_000, deadlineMs: 40_000 });
    await vm.shutdown(10_000);
    return "kvm";
  } catch {
    return "tcg";
  }
}
