// Faults a real machine meets (a parser that fails, hangs or dies; a full
// disk; a damaged state file; a profile edited by hand; udevadm missing) must
// each end in a precise one-line error, leave the previous profiles and the
// state exactly as they were, and converge once the fault is gone.
import { execa } from "execa";
import { appendFile, mkdir, mkdtemp, open, readFile, rm, stat, symlink, truncate, writeFile } from "node:fs/promises";
import { existsSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyDiff, diffPlans } from "../src/apply/index.js";
import { SystemToolError } from "../src/errors/index.js";
import { loadSystem } from "../src/ops/index.js";
import { seccompCompiler } from "../src/ops/seccomp.js";
import { makePaths, type Paths } from "../src/paths/index.js";
import { planSnap, type SnapPlan } from "../src/plan/index.js";
import { udevReload } from "../src/system/index.js";
import { cliWith, EXAMPLES, tempRoot, writeSnapDir, type CliResult } from "./helpers/cli.js";
import { digestTree, expectMatchesFreshRender, protectedDigests, STATE_FILE, temporaries } from "./helpers/generated.js";

const PROFILES = "var/lib/plugboard/apparmor/profiles";

/** The one line a failed command prints; fails the test when there is anything else. */
function errorLine(r: CliResult): string {
  expect(r.exitCode, r.stderr).toBe(1);
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

/**
 * A stand-in for apparmor_parser. The file `fault` beside it chooses how it
 * misbehaves (fail, hang, kill); otherwise it runs the real parser and, when
 * that succeeds, logs the hash of every profile it compiled, so a test can
 * tell which version of each profile was last accepted ("loaded").
 */
async function parserWrapper(dir: string): Promise<{ parser: string; setFault: (f: "fail" | "hang" | "kill" | undefined) => Promise<void>; lastAccepted: () => Promise<Record<string, string>> }> {
  const parser = path.join(dir, "apparmor-parser-wrapper");
  const log = path.join(dir, "parser.log");
  const fault = path.join(dir, "fault");
  await writeFile(
    parser,
    `#!/bin/sh
# --version feeds the system key: always the real answer, so a fault never looks like a new parser.
case "$1" in --version|-V) exec apparmor_parser "$@";; esac
last=""
for a in "$@"; do last="$a"; done
case "$(cat '${fault}' 2>/dev/null)" in
  fail) echo "AppArmor parser error for $last in profile $last at line 7: simulated failure" >&2; echo "FAIL $*" >> '${log}'; exit 1;;
  hang) echo "HANG $*" >> '${log}'; exec sleep 60;;
  kill) echo "KILL $*" >> '${log}'; kill -KILL $$;;
esac
apparmor_parser "$@" || exit $?
for f in "$@"; do
  case "$f" in -*) ;; *) echo "OK $(basename "$f") $(sha256sum < "$f" | cut -d' ' -f1)" >> '${log}';; esac
done
`,
    { mode: 0o755 },
  );
  return {
    parser,
    setFault: async (f) => (f ? writeFile(fault, f) : rm(fault, { force: true })),
    lastAccepted: async () => {
      const out: Record<string, string> = {};
      for (const line of (await readFile(log, "utf8").catch(() => "")).split("\n")) {
        const m = /^OK (\S+) ([0-9a-f]{64})$/.exec(line);
        if (m) out[path.join(PROFILES, m[1]!)] = m[2]!;
      }
      return out;
    },
  };
}

/** Profiles on disk, by path relative to root, with their sha256. */
async function profileDigests(root: string): Promise<Record<string, string>> {
  return digestTree(root, [PROFILES]);
}

describe("faults: a failing command changes nothing and a later run converges", () => {
  let root: string;
  let tools: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ root, cleanup } = await tempRoot());
    tools = await mkdtemp(path.join(tmpdir(), "plugboard-tools-"));
  });
  afterEach(async () => {
    await cleanup();
    await rm(tools, { recursive: true, force: true });
  });

  const parserFaults = [
    // The parser refuses the profiles: its own message reaches the user.
    { fault: "fail", env: {}, error: /^error: \S+apparmor-parser-wrapper exited with 1: AppArmor parser error for \S+ in profile \S+ at line 7: simulated failure$/ },
    // The parser hangs: killed after PLUGBOARD_APPARMOR_TIMEOUT_MS instead of blocking every later command.
    { fault: "hang", env: { PLUGBOARD_APPARMOR_TIMEOUT_MS: "1500" }, error: /^error: timed out after 1500 ms: \S+apparmor-parser-wrapper was killed by SIGTERM$/ },
    // The parser dies (an OOM kill, say): the signal is named rather than guessed.
    { fault: "kill", env: {}, error: /^error: \S+apparmor-parser-wrapper was killed by SIGKILL$/ },
  ] as const;

  for (const { fault, env, error } of parserFaults) {
    it(`apparmor_parser ${fault === "fail" ? "failing" : fault === "hang" ? "timing out" : "killed"}: previous profiles and state stay, the same command later converges`, async () => {
      const w = await parserWrapper(tools);
      const run = (...args: string[]) => cliWith({ env: { PLUGBOARD_APPARMOR_PARSER: w.parser } }, root, ...args);
      // The short timeout only for the faulty run: a loaded machine can make a healthy parser slow.
      const runFaulty = (...args: string[]) => cliWith({ env: { PLUGBOARD_APPARMOR_PARSER: w.parser, ...env } }, root, ...args);
      for (const snap of ["foo", "bar"]) expect((await run("install", "--dangerous", `${EXAMPLES}/${snap}`)).exitCode).toBe(0);
      expect((await run("connect", "foo:camera")).exitCode).toBe(0);
      const before = await protectedDigests(root);
      // Disconnecting changes foo's profile and removes its udev rules: both must come back.
      expect(Object.keys(before)).toContain("etc/udev/rules.d/70-plugboard.foo.rules");
      expect(await w.lastAccepted()).toEqual(await profileDigests(root));

      await w.setFault(fault);
      const started = Date.now();
      const line = errorLine(await runFaulty("disconnect", "foo:camera"));
      expect(line).toMatch(error);
      if (fault === "hang") expect(Date.now() - started).toBeLessThan(15_000);
      expect(await protectedDigests(root)).toEqual(before);
      // The profiles in force are the ones the parser last accepted.
      expect(await w.lastAccepted()).toEqual(await profileDigests(root));
      expect(await temporaries(root)).toEqual([]);
      expect(existsSync(path.join(root, "var/lib/plugboard/state.lock"))).toBe(false);

      await w.setFault(undefined);
      expect((await run("disconnect", "foo:camera")).exitCode).toBe(0);
      await expectMatchesFreshRender(root);
      expect(await w.lastAccepted()).toEqual(await profileDigests(root));
      expect(Object.keys(await protectedDigests(root))).not.toContain("etc/udev/rules.d/70-plugboard.foo.rules");
    });
  }

  it("state file truncated: every command refuses with a clear error and changes nothing; restored, the command converges", async () => {
    for (const snap of ["foo", "bar"]) expect((await cliWith({}, root, "install", "--dangerous", `${EXAMPLES}/${snap}`)).exitCode).toBe(0);
    expect((await cliWith({}, root, "connect", "foo:camera")).exitCode).toBe(0);
    const stateFile = path.join(root, STATE_FILE);
    const good = await readFile(stateFile);
    await truncate(stateFile, Math.floor(good.length / 2));
    const before = await protectedDigests(root);
    const snapsBefore = await digestTree(root, ["var/lib/plugboard/snaps"]);
    const refusal = new RegExp(
      `^error: state file ${stateFile.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is unreadable: not valid JSON \\([^)]+\\); nothing was changed\\. Restore it from a backup, or move it aside to start with no snaps installed$`,
    );
    const commands = [
      ["connect", "foo:log-observe"],
      ["disconnect", "foo:camera"],
      ["install", "--dangerous", `${EXAMPLES}/foo`],
      ["remove", "bar"],
    ];
    for (const args of commands) {
      expect(errorLine(await cliWith({}, root, ...args)), args.join(" ")).toMatch(refusal);
      // Never "repaired" into an empty state: the damaged bytes stay for the user to recover.
      expect(await protectedDigests(root), args.join(" ")).toEqual(before);
    }
    // The agent refuses too, and says so through its exit code, not only in its log.
    const agent = await cliWith({}, root, "agent", "--once", "--log-format", "json");
    expect(agent.exitCode, agent.stderr).toBe(1);
    expect(agent.stderr.trim().split("\n").at(-1)).toMatch(refusal);
    expect(await protectedDigests(root)).toEqual(before);
    expect(await digestTree(root, ["var/lib/plugboard/snaps"])).toEqual(snapsBefore);

    await writeFile(stateFile, good);
    expect((await cliWith({}, root, "connect", "foo:log-observe")).exitCode).toBe(0);
    await expectMatchesFreshRender(root);
  });

  it("a generated file edited by hand is restored by the next change of its snap and by the agent, as snapd regenerates on change and at start", async () => {
    // Two apps; only `a` uses the camera, so connecting it has no reason of its own to rewrite b's profile.
    const ed = await writeSnapDir(root, "ed", "name: ed\nversion: '1'\napps:\n  a:\n    command: bin/a\n    plugs: [camera]\n  b:\n    command: bin/b\n");
    for (const src of [ed, `${EXAMPLES}/bar`]) expect((await cliWith({}, root, "install", "--dangerous", src)).exitCode).toBe(0);
    const edB = path.join(root, PROFILES, "snap.ed.b");
    const barProfile = path.join(root, PROFILES, "snap.bar.bar");
    const barSource = path.join(root, "var/lib/plugboard/seccomp/bpf/snap.bar.bar.src");
    const pristine = { edB: await readFile(edB, "utf8"), bar: await readFile(barProfile, "utf8") };
    await appendFile(edB, "  /etc/shadow r,\n");
    await appendFile(barProfile, "  /etc/shadow r,\n");
    await appendFile(barSource, "ptrace\n");

    // The next change of ed regenerates all of ed's files; bar's stay as edited until bar changes or the agent starts.
    expect((await cliWith({}, root, "connect", "ed:camera")).exitCode).toBe(0);
    expect(await readFile(edB, "utf8")).toBe(pristine.edB);
    expect(await readFile(barProfile, "utf8")).toBe(pristine.bar + "  /etc/shadow r,\n");

    const agent = await cliWith({}, root, "agent", "--once", "--log-format", "json");
    expect(agent.exitCode, agent.stderr).toBe(0);
    await expectMatchesFreshRender(root);
    expect(await readFile(barProfile, "utf8")).toBe(pristine.bar);
  });

  it("udevadm missing: with a temporary root udev is not asked to reload at all", async () => {
    // PATH holds the parser and nothing else: a udevadm call would fail the command.
    const bin = path.join(tools, "bin");
    await mkdir(bin);
    await symlink(await which("apparmor_parser"), path.join(bin, "apparmor_parser"));
    const run = (...args: string[]) => cliWith({ env: { PATH: bin } }, root, ...args);
    expect((await run("install", "--dangerous", `${EXAMPLES}/foo`)).exitCode).toBe(0);
    const r = await run("connect", "foo:camera");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await readFile(path.join(root, "etc/udev/rules.d/70-plugboard.foo.rules"), "utf8")).toContain('TAG+="snap_foo_foo"');
    await expectMatchesFreshRender(root);
  });

  it("udevadm missing on a real root: a precise error, not a crash", async () => {
    const saved = process.env["PATH"];
    process.env["PATH"] = "";
    try {
      const e = await udevReload([]).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(SystemToolError);
      expect((e as Error).message).toBe("udevadm is not installed (not found on PATH)");
    } finally {
      process.env["PATH"] = saved;
    }
  });

  // Applying with root "/" is what decides that udev must reload; the files
  // themselves go to a temporary tree. Only safe where the kernel has no
  // AppArmor, since with it root "/" also means loading profiles.
  it.skipIf(existsSync("/sys/kernel/security/apparmor"))("udevadm missing while applying to root \"/\": the change is rolled back; with udevadm back, it applies and reloads", async () => {
    const bin = path.join(tools, "bin");
    await mkdir(bin);
    await symlink(await which("apparmor_parser"), path.join(bin, "apparmor_parser"));
    expect((await cliWith({}, root, "install", "--dangerous", `${EXAMPLES}/foo`)).exitCode).toBe(0);
    // Every path in the temporary tree, but root "/": what makes apply reload udev.
    const paths: Paths = { ...makePaths(root), root: "/" };
    const before = await protectedDigests(root);
    // foo connected to the camera, planned in memory: a changed profile and a new udev rules file.
    const sys = await loadSystem(makePaths(root));
    const { plug, slot } = sys.repo.resolveConnect({ snap: "foo", name: "camera" });
    sys.repo.setConnection({ plug: { snap: "foo", name: "camera" }, slot: { snap: slot.snap, name: slot.name }, interface: "camera", auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: slot.attrs });
    const plans = new Map<string, SnapPlan>([["foo", planSnap(paths, sys.repo, sys.registry, sys.repo.snap("foo")!)]]);
    const saved = process.env["PATH"];
    process.env["PATH"] = bin;
    try {
      const diff = await diffPlans(paths, plans);
      expect([...diff.changed.keys()].some((f) => f.endsWith("70-plugboard.foo.rules"))).toBe(true);
      const e = await applyDiff(paths, diff, { compileSeccomp: seccompCompiler(paths) }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(SystemToolError);
      expect((e as Error).message).toBe("udevadm is not installed (not found on PATH)");
      expect(await protectedDigests(root)).toEqual(before);
      expect(await temporaries(root)).toEqual([]);

      const log = path.join(tools, "udevadm.log");
      await writeFile(path.join(bin, "udevadm"), `#!/bin/sh\necho "$*" >> '${log}'\n`, { mode: 0o755 });
      await applyDiff(paths, await diffPlans(paths, plans), { compileSeccomp: seccompCompiler(paths) });
      expect((await readFile(log, "utf8")).split("\n").filter(Boolean)).toEqual(["control --reload-rules", "trigger --action=change"]);
      for (const [file, content] of plans.get("foo")!) expect(await readFile(file, "utf8")).toBe(content);
    } finally {
      process.env["PATH"] = saved;
    }
  });
});

async function which(tool: string): Promise<string> {
  return (await execa("sh", ["-c", `command -v ${tool}`])).stdout.trim();
}

describe("faults: disk full", () => {
  let root: string;
  let mounted = false;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ root, cleanup } = await tempRoot());
  });
  afterEach(async () => {
    if (mounted) await execa("umount", [root]);
    mounted = false;
    await cleanup();
  });

  /** Every disk-full error seen, root replaced by ROOT: printed, to show where the writes failed. */
  const seen: string[] = [];

  const snapYaml = (name: string) =>
    `name: ${name}\nversion: '1'\napps:\n  a:\n    command: bin/a\n  b:\n    command: bin/b\nplugs: [camera, log-observe, hardware-observe, mount-observe, network]\n`;

  /**
   * Runs one command that may hit ENOSPC. On failure: one line naming the
   * cause, and the state, the generated files and the installed snaps'
   * metadata exactly as before, with nothing half-written left behind.
   */
  async function attempt(args: string[]): Promise<boolean> {
    const before = await protectedDigests(root);
    const snapsBefore = await digestTree(root, ["var/lib/plugboard/snaps"]);
    const r = await cliWith({}, root, ...args);
    if (r.exitCode === 0) return true;
    const line = errorLine(r);
    seen.push(line.replaceAll(root, "ROOT"));
    expect(line, args.join(" ")).toMatch(/^error: .*no space left on device/i);
    expect(await protectedDigests(root), args.join(" ")).toEqual(before);
    expect(await digestTree(root, ["var/lib/plugboard/snaps"]), args.join(" ")).toEqual(snapsBefore);
    expect(await temporaries(root), args.join(" ")).toEqual([]);
    return false;
  }

  it("installing until the disk is full fails cleanly at every point, and converges once there is space", async (ctx) => {
    const m = await execa("mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", root], { reject: false });
    if (m.exitCode !== 0) return ctx.skip(`mounting a tmpfs is not permitted here (${m.stderr.trim()}); disk-full behaviour not tested`);
    mounted = true;
    const sources = await mkdtemp(path.join(tmpdir(), "plugboard-src-"));
    try {
      // 1. Fill the disk with installs until one fails.
      let failed: string | undefined;
      for (let i = 0; i < 60 && failed === undefined; i++) {
        const dir = await writeSnapDir(sources, `s${i}`, snapYaml(`s${i}`));
        if (!(await attempt(["install", "--dangerous", dir]))) failed = dir;
      }
      expect(failed, "600k should fill up within 60 installs").toBeDefined();

      // 2. Sweep the failure through every write of a command (metadata,
      // profiles, seccomp sources and filters, udev rules, state): give it one
      // more free page at a time until it succeeds. A new snap's files are
      // all new; a refresh and a connect replace existing files, whose old
      // versions must come back on a disk with no room for copies of them.
      await execa("mount", ["-o", "remount,size=4m", root]);
      const filler = path.join(root, "filler");
      const leaveFree = async (pages: number) => {
        const fh = await open(filler, "a");
        const page = Buffer.alloc(4096);
        try {
          for (;;) await fh.write(page);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
        } finally {
          await fh.close();
        }
        const size = (await stat(filler)).size;
        await truncate(filler, Math.max(0, size - (size % 4096) - pages * 4096));
      };
      const sweeps = [
        ["install", "--dangerous", await writeSnapDir(sources, "sweep", snapYaml("sweep"))],
        ["install", "--dangerous", path.join(sources, "src-snaps", "s0")],
        ["connect", "s1:camera"],
      ];
      for (const args of sweeps) {
        const first = seen.length;
        let pages = 0;
        for (; pages < 80; pages++) {
          await leaveFree(pages);
          expect(statfsSync(root).bavail).toBeLessThanOrEqual(pages);
          if (await attempt(args)) break;
        }
        expect(pages, `${args.join(" ")} should fit in 80 free pages`).toBeLessThan(80);
        const failures = seen.slice(first);
        console.log(`disk full: ${args.join(" ").replaceAll(sources, "SRC")} refused ${failures.length} times, then succeeded:\n  ${[...new Set(failures)].join("\n  ")}`);
        // The sweep reached the state file, written after every generated file: the files were rolled back even then.
        expect(failures.some((l) => l.includes("ROOT/var/lib/plugboard/state.json")), args.join(" ")).toBe(true);
        await expectMatchesFreshRender(root);
      }

      // 3. With space again, the command that failed first succeeds and everything converges.
      await rm(filler);
      expect((await cliWith({}, root, "install", "--dangerous", failed!)).exitCode).toBe(0);
      await expectMatchesFreshRender(root);
      expect((await cliWith({}, root, "agent", "--once", "--log-format", "json")).exitCode).toBe(0);
      await expectMatchesFreshRender(root);
    } finally {
      await rm(sources, { recursive: true, force: true });
    }
  }, 300_000);
});
