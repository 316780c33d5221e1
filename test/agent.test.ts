import { execa, type ResultPromise } from "execa";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../interfaces/index.js";
import { loadSystem } from "../src/ops/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { BIN, EXAMPLES, cliWith, ok, snapshotTree, tempRoot, writeSnapDir } from "./helpers/cli.js";

const agentArgs = (root: string, ...extra: string[]) => [BIN, "--root", root, "agent", "--log-format", "json", ...extra];

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting");
}

/** The generated files on disk equal a fresh render of the recorded state. */
async function filesMatchState(root: string): Promise<void> {
  const paths = makePaths(root);
  const sys = await loadSystem(paths);
  const expected: Record<string, string> = {};
  for (const snap of sys.repo.snaps()) if (!snap.isSystem) for (const [f, c] of planSnap(paths, sys.repo, builtinRegistry(), snap)) expected[path.relative(root, f)] = c;
  const onDisk = await snapshotTree(root);
  const generated = Object.fromEntries(
    Object.entries(onDisk).filter(([f]) => /^(var\/lib\/plugboard\/(apparmor|seccomp|mount)|etc\/udev)\//.test(f) && !f.endsWith(".bin")),
  );
  expect(generated).toEqual(expected);
  for (const f of Object.keys(expected)) if (f.endsWith(".src")) expect(onDisk[f.replace(/\.src$/, ".bin")], f).toBeDefined();
  expect(Object.keys(onDisk).filter((f) => /\.tmp/.test(f))).toEqual([]);
}

describe("the agent", () => {
  it("installs a seeded snap, auto-connects it and compiles its profiles; CLI changes go through the same path", async () => {
    const { root, cleanup } = await tempRoot();
    let agent: ResultPromise | undefined;
    try {
      agent = execa(process.execPath, agentArgs(root), { reject: false });
      await waitFor(async () => (await readFile(path.join(root, "var/lib/plugboard/agent-status.json"), "utf8").catch(() => "")).includes("lastApply"));
      const src = await writeSnapDir(root, "bar", "name: bar\nversion: '1'\napps:\n  bar:\n    command: bin/bar\n    plugs: [network, log-observe]\n");
      await cp(src, path.join(root, "var/lib/plugboard/seed/bar"), { recursive: true });
      await waitFor(async () => (await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8").catch(() => "")).includes('"bar:network core:network"'));
      await waitFor(async () => (await snapshotTree(path.join(root, "var/lib/plugboard/seccomp/bpf")))["snap.bar.bar.bin"] !== undefined);
      expect(await readFile(path.join(root, "var/lib/plugboard/apparmor/profiles/snap.bar.bar"), "utf8")).toContain("network inet stream,");

      const beforeConnect = await snapshotTree(root);
      const started = Date.now();
      await ok(root, "connect", "bar:log-observe");
      expect(Date.now() - started).toBeLessThan(10_000);
      const afterConnect = await snapshotTree(root);
      expect(Object.keys({ ...beforeConnect, ...afterConnect }).filter((f) => beforeConnect[f] !== afterConnect[f] && !/agent-status\.json/.test(f)).sort()).toEqual([
        // log-observe tags /dev/kmsg for the app, as snapd's does.
        "etc/udev/rules.d/70-plugboard.bar.rules",
        "var/lib/plugboard/apparmor/profiles/snap.bar.bar",
        "var/lib/plugboard/seccomp/bpf/snap.bar.bar.bin",
        "var/lib/plugboard/seccomp/bpf/snap.bar.bar.src",
        "var/lib/plugboard/state.json",
      ]);
      const before = await snapshotTree(root);
      await ok(root, "disconnect", "bar:network");
      await new Promise((r) => setTimeout(r, 800)); // let the agent see the state change and converge
      const after = await snapshotTree(root);
      const changed = Object.keys({ ...before, ...after }).filter((f) => before[f] !== after[f] && !/agent-status\.json/.test(f)).sort();
      expect(changed).toEqual([
        "var/lib/plugboard/apparmor/profiles/snap.bar.bar",
        "var/lib/plugboard/seccomp/bpf/snap.bar.bar.bin",
        "var/lib/plugboard/seccomp/bpf/snap.bar.bar.src",
        "var/lib/plugboard/state.json",
      ]);
      await filesMatchState(root);
      const status = JSON.parse(await ok(root, "status", "--json"));
      expect(status.apps).toEqual([{ tag: "snap.bar.bar", profile: expect.any(String), loaded: "no AppArmor in the kernel (compiled only)", seccompFilter: true, udevTagged: true }]);
      expect(status.agent.counters.applies).toBeGreaterThanOrEqual(2);
      // This kernel has no AppArmor (as the row above shows), so status says confinement is partial.
      expect(status.confinement).toEqual({ level: "partial", note: expect.stringMatching(/^no AppArmor in this kernel: .*file, network and D-Bus access are not mediated$/) });
    } finally {
      agent?.kill("SIGTERM");
      await agent;
      await cleanup();
    }
  });

  it("regenerates everything once when the system key changes, and not on a restart without change", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
      const once = async (env: Record<string, string> = {}) => {
        const r = await execa(process.execPath, agentArgs(root, "--once"), { env, reject: false });
        const applied = r.stderr.split("\n").filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.msg === "applied");
        return applied as { full: boolean; profilesCompiled: number };
      };
      expect(await once()).toMatchObject({ full: true, profilesCompiled: 1 });
      expect(await once()).toMatchObject({ full: false, profilesCompiled: 0 });
      // A different parser version changes the key.
      const parser = path.join(root, "parser");
      await writeFile(parser, '#!/bin/sh\nif [ "$1" = --version ]; then echo "AppArmor parser version 9.9.9"; exit 0; fi\nexec apparmor_parser "$@"\n', { mode: 0o755 });
      expect(await once({ PLUGBOARD_APPARMOR_PARSER: parser })).toMatchObject({ full: true, profilesCompiled: 1 });
      expect(await once({ PLUGBOARD_APPARMOR_PARSER: parser })).toMatchObject({ full: false });
    } finally {
      await cleanup();
    }
  });

  it("converges after being killed at 20 random points of a 50-snap regeneration", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      const seed = path.join(root, "var/lib/plugboard/seed");
      await mkdir(seed, { recursive: true });
      for (let i = 0; i < 50; i++) {
        const plugs = ["network", "camera", "home", "log-observe", "network-bind"].slice(0, 1 + (i % 5));
        const dir = await writeSnapDir(root, `s${i}`, `name: snap${i}\nversion: '1'\napps:\n  a:\n    command: bin/a\n  b:\n    command: bin/b\nplugs: [${plugs.join(", ")}]\n`);
        await cp(dir, path.join(seed, `snap${i}`), { recursive: true });
      }
      // Install the seeds once, then force full regenerations and kill them part-way.
      await execa(process.execPath, agentArgs(root, "--once"));
      // With no quiet period, a full regeneration logs its progress however fast it runs.
      await rm(path.join(root, "var/lib/plugboard/system-key.json"), { force: true });
      const full = await execa(process.execPath, agentArgs(root, "--once"), { env: { PLUGBOARD_PROGRESS_AFTER_MS: "0" } });
      const lines = full.stderr.split("\n").filter(Boolean).map((l) => JSON.parse(l));
      expect(lines.find((l) => l.msg === "applied")).toMatchObject({ full: true, profilesCompiled: 100 });
      expect(lines.some((l) => l.msg === "progress" && l.phase === "compiling AppArmor profiles" && l.total === 100)).toBe(true);
      let seedState = await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8");
      expect(Object.keys(JSON.parse(seedState).snaps)).toHaveLength(50);
      for (let k = 0; k < 20; k++) {
        await rm(path.join(root, "var/lib/plugboard/system-key.json"), { force: true });
        const a = execa(process.execPath, agentArgs(root, "--once"), { reject: false });
        await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 2500)));
        a.kill("SIGKILL");
        await a;
        // A killed holder's lock is recovered once it goes stale (10 s); remove it here
        // so that every one of the 20 runs really gets into the regeneration.
        await rm(path.join(root, "var/lib/plugboard/state.lock"), { recursive: true, force: true });
        // Restart: the files converge to the recorded state.
        expect((await cliWith({}, root, "agent", "--once", "--log-format", "json")).exitCode).toBe(0);
        await filesMatchState(root);
      }
      const r = await cliWith({}, root, "agent", "--once", "--log-format", "json");
      expect(r.exitCode).toBe(0);
      seedState = await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8");
      expect(Object.keys(JSON.parse(seedState).snaps)).toHaveLength(50);
      await filesMatchState(root);
    } finally {
      await cleanup();
    }
  }, 900_000);

  it("converges at restart after being killed with API changes accepted, running and queued", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      const snaps = Array.from({ length: 6 }, (_, i) => `k${i}`);
      for (const name of snaps) await ok(root, "install", "--dangerous", await writeSnapDir(root, name, `name: ${name}\nversion: '1'\napps:\n  a:\n    command: bin/a\nplugs: [camera]\n`));
      const agent = execa(process.execPath, agentArgs(root), { reject: false });
      await new Promise<void>((resolve, reject) => {
        agent.stdout!.on("data", (d: Buffer) => d.toString().includes("READY") && resolve());
        void agent.then((r) => reject(new Error(`the agent stopped: ${r.stderr}`)));
      });
      const call = (url: string, body?: string) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const req = request({ socketPath: path.join(root, "run/snapd.socket"), path: url, method: body ? "POST" : "GET" }, (res) => {
            let text = "";
            res.on("data", (c: Buffer) => (text += c.toString()));
            res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
          });
          req.on("error", reject);
          req.end(body);
        });
      const ids: string[] = [];
      for (const name of snaps) ids.push((await call("/v2/interfaces", JSON.stringify({ action: "connect", plugs: [{ snap: name, plug: "camera" }], slots: [{}] })))["change"] as string);
      // Killed once the first change is done: the others are running or still queued.
      for (let ready = false; !ready; ) ready = ((await call(`/v2/changes/${ids[0]}`))["result"] as { ready: boolean }).ready;
      agent.kill("SIGKILL");
      await agent;
      await rm(path.join(root, "var/lib/plugboard/state.lock"), { recursive: true, force: true });
      expect((await cliWith({}, root, "agent", "--once", "--log-format", "json")).exitCode).toBe(0);
      await filesMatchState(root);
      const state = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8")) as { connections: Record<string, unknown> };
      // The change that was reported done is in the state; the rest are each wholly made or not made at all.
      expect(Object.keys(state.connections)).toContain("k0:camera core:camera");
    } finally {
      await cleanup();
    }
  }, 300_000);
});
