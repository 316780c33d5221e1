import { watch } from "chokidar";
import { promises as fs } from "node:fs";
import path from "node:path";
import { isFileSystemError, PlugboardError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { loadedSource, serveApi } from "../api/index.js";
import { converge, processSeed } from "../ops/index.js";
import type { Paths } from "../paths/index.js";
import { makeLogger, type LogFormat } from "./log.js";

export interface AgentStatus {
  readonly pid: number;
  readonly started: string;
  lastApply?: string;
  lastDurationMs?: number;
  lastError?: string;
  counters: { applies: number; fullRegenerations: number; profilesCompiled: number; filtersCompiled: number; cacheReloads: number; failures: Record<string, number> };
}

export interface ProgressTiming {
  /** Nothing is reported before this much time has passed: short regenerations stay quiet. */
  readonly quietMs: number;
  /** Log lines (not the bar) are at most this often, plus the last one of a phase. */
  readonly intervalMs: number;
  readonly now: () => number;
}

/** `PLUGBOARD_PROGRESS_AFTER_MS` shortens the quiet period, e.g. to 0 to see progress on any regeneration. */
export function progressTimingFromEnv(env: NodeJS.ProcessEnv = process.env): ProgressTiming {
  const after = Number(env["PLUGBOARD_PROGRESS_AFTER_MS"]);
  return { quietMs: Number.isFinite(after) && after >= 0 ? after : 1000, intervalMs: 1000, now: Date.now };
}

/**
 * Quiet at first; then a bar on a terminal, or a progress log line at most
 * once an interval otherwise.
 */
export function progressReporter(
  format: LogFormat,
  log: (level: "info", msg: string, fields: Record<string, unknown>) => void,
  timing: ProgressTiming = progressTimingFromEnv(),
  tty: boolean = process.stderr.isTTY === true && format === "human",
): (phase: string, done: number, total: number) => void {
  const started = timing.now();
  let lastLine = -Infinity;
  return (phase, done, total) => {
    const now = timing.now();
    if (now - started < timing.quietMs) return;
    if (tty) {
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${phase} ${done}/${total}\x1b[K${done === total ? "\n" : ""}`);
    } else if (now - lastLine >= timing.intervalMs || done === total) {
      lastLine = now;
      log("info", "progress", { phase, done, total });
    }
  };
}

export const statusFile = (paths: Paths): string => path.join(paths.varLib, "agent-status.json");

/**
 * The agent: converge at start (a full regeneration when the system key
 * changed), then watch the state file, the seed directory and device.yaml,
 * and converge again after each burst of changes. Runs until SIGTERM/SIGINT.
 */
export async function runAgent(paths: Paths, opts: { logFormat: LogFormat; debounceMs?: number; once?: boolean }): Promise<void> {
  const log = makeLogger(opts.logFormat);
  const status: AgentStatus = {
    pid: process.pid,
    started: new Date().toISOString(),
    counters: { applies: 0, fullRegenerations: 0, profilesCompiled: 0, filtersCompiled: 0, cacheReloads: 0, failures: {} },
  };
  await fs.mkdir(paths.seedDir, { recursive: true });
  await fs.mkdir(path.dirname(paths.deviceFile), { recursive: true });

  // The system the API answers from: loaded once, dropped whenever the state may have changed.
  const source = loadedSource(paths, "agent");
  const invalidate = () => source.invalidate();

  let lastFailure: Error | undefined;
  const apply = async (why: string) => {
    lastFailure = undefined;
    invalidate();
    try {
      const seed = await processSeed(paths);
      for (const a of seed.acknowledged) log("info", "seed assertion acknowledged", { entry: a });
      for (const s of seed.installed) log("info", "seed snap installed", { snap: s });
      for (const f of seed.failed) log("error", "seed entry failed", f);
      const r = await converge(paths, { onProgress: progressReporter(opts.logFormat, log) });
      status.counters.applies++;
      if (r.full) status.counters.fullRegenerations++;
      status.counters.profilesCompiled += r.apply.profilesCompiled;
      status.counters.filtersCompiled += r.apply.filtersCompiled;
      status.counters.cacheReloads += r.reloaded;
      status.lastApply = new Date().toISOString();
      status.lastDurationMs = r.durationMs;
      delete status.lastError;
      log("info", "applied", { why, full: r.full, written: r.apply.written.length, removed: r.apply.removed.length, profilesCompiled: r.apply.profilesCompiled, durationMs: r.durationMs, loaded: r.apply.loaded });
      for (const line of r.apply.modulesNotLoaded) log("warn", line);
    } catch (e) {
      // A full disk is reported and retried on the next change, like any refusal; only bugs stop the agent.
      if (!(e instanceof PlugboardError) && !isFileSystemError(e)) throw e;
      lastFailure = e;
      status.lastError = e.message;
      status.counters.failures[e.name] = (status.counters.failures[e.name] ?? 0) + 1;
      log("error", "apply failed", { why, error: e.message });
    }
    // The status file is for `status`; failing to write it (a full disk) must not stop the agent.
    await writeFileAtomic(statusFile(paths), JSON.stringify(status, null, 2) + "\n").catch((e: Error) => log("warn", "cannot write the status file", { error: e.message }));
  };

  await apply("start");
  if (opts.once) {
    // `--once` is for scripts and boot units: a failed convergence must show in the exit code, not only in the log.
    if (lastFailure) throw lastFailure;
    return;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reasons = new Set<string>();
  const schedule = (why: string) => {
    reasons.add(why);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const all = [...reasons].join(",");
      reasons.clear();
      running = running.then(() => apply(all));
    }, opts.debounceMs ?? 250);
  };
  const watcher = watch([paths.stateFile, paths.seedDir, paths.deviceFile], { ignoreInitial: true, depth: 2, awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 } });
  watcher.on("all", (_event, file) => {
    invalidate();
    if (file.startsWith(paths.seedDir)) schedule("seed");
    else if (file === paths.deviceFile) schedule("device");
    else schedule("state");
  });
  // Uploads a killed agent left behind belong to changes that died with it.
  await fs.rm(paths.uploadsDir, { recursive: true, force: true });
  const api = await serveApi(
    [paths.snapdSocket, paths.plugboardSocket],
    source,
    (e) => log("error", "API request failed", { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    (e) => log("warn", e.message),
  );
  log("info", "serving the API", { sockets: api.served });
  log("info", "watching", { state: paths.stateFile, seed: paths.seedDir, device: paths.deviceFile });
  process.stdout.write("READY\n");
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      // A change already accepted is finished before the agent stops: its client was told it would be made.
      void watcher.close().then(() => api.close()).then(() => source.changes.settled()).then(() => running).then(resolve);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  log("info", "stopped");
}
