import { promises as fs } from "node:fs";
import path from "node:path";
import { PlugboardError } from "../errors/index.js";
import { readIfExists, writeFileAtomic } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { BACKEND_DIRS, isSnapFile, type SnapPlan } from "../plan/index.js";
import { apparmorCanLoad, apparmorRemove, apparmorReplace } from "../system/index.js";
import { udevReload } from "../system/index.js";

/** A change to the files on disk, computed by comparing plans with what is there. */
export interface FileDiff {
  /** Path → [old content or undefined, new content]. */
  readonly changed: Map<string, [string | undefined, string]>;
  /** Path → old content. */
  readonly removed: Map<string, string>;
}

/** Compares each snap's plan with its files on disk; a snap with an empty plan loses all its files. */
export async function diffPlans(paths: Paths, plans: ReadonlyMap<string, SnapPlan>): Promise<FileDiff> {
  const changed = new Map<string, [string | undefined, string]>();
  const removed = new Map<string, string>();
  const onDisk = await listBackendFiles(paths);
  for (const [snap, plan] of plans) {
    for (const [file, content] of plan) {
      const old = await readIfExists(file);
      if (old !== content) changed.set(file, [old, content]);
    }
    for (const file of onDisk) {
      if (!isSnapFile(paths, snap, file) || plan.has(file) || file.endsWith(".bin")) continue;
      removed.set(file, (await readIfExists(file)) ?? "");
    }
  }
  return { changed, removed };
}

async function listBackendFiles(paths: Paths): Promise<string[]> {
  const out: string[] = [];
  for (const dir of BACKEND_DIRS(paths)) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const n of names) if (!n.startsWith(".")) out.push(path.join(dir, n));
  }
  return out;
}

/** Compiles seccomp sources to filters; supplied by the seccomp backend. */
export type SeccompCompiler = (items: { source: string; sourceFile: string; output: string }[]) => Promise<void>;

export interface ApplyOptions {
  readonly compileSeccomp: SeccompCompiler;
  /** Called as work advances: a phase, and how many of its steps are done. */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ApplyReport {
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly profilesCompiled: number;
  readonly filtersCompiled: number;
  /** True when profiles were loaded into the kernel, false when only compiled. */
  readonly loaded: boolean;
}

const binOf = (src: string) => src.replace(/\.src$/, ".bin");

/**
 * Writes the changed files, compiles and loads them, and on any failure puts
 * every file back as it was (and reloads the old profiles) before rethrowing,
 * so the previous profiles stay in force.
 */
export async function applyDiff(paths: Paths, diff: FileDiff, opts: ApplyOptions): Promise<ApplyReport> {
  const load = apparmorCanLoad(paths.root);
  const touched = [...diff.changed.keys(), ...diff.removed.keys()];
  // Compiled filters are derived from .src files; keep their old bytes for rollback too.
  const backups = new Map<string, Buffer | undefined>();
  for (const f of touched) {
    backups.set(f, await fs.readFile(f).catch(() => undefined));
    if (f.endsWith(".src")) backups.set(binOf(f), await fs.readFile(binOf(f)).catch(() => undefined));
  }
  const profiles = [...diff.changed.keys()].filter((f) => path.dirname(f) === paths.apparmorProfilesDir);
  const removedProfiles = [...diff.removed.keys()].filter((f) => path.dirname(f) === paths.apparmorProfilesDir);
  const sources = [...diff.changed.entries()].filter(([f]) => path.dirname(f) === paths.seccompDir && f.endsWith(".src"));
  const udevChanged = touched.some((f) => path.dirname(f) === paths.udevRulesDir);
  const progress = opts.onProgress ?? (() => undefined);
  try {
    let written = 0;
    for (const [file, [, content]] of diff.changed) {
      await writeFileAtomic(file, content);
      progress("writing files", ++written, diff.changed.size);
    }
    if (load) await apparmorRemove(removedProfiles);
    for (const file of diff.removed.keys()) {
      await fs.rm(file, { force: true });
      if (file.endsWith(".src")) await fs.rm(binOf(file), { force: true });
    }
    for (const p of removedProfiles) await removeCached(paths, path.basename(p));
    progress("compiling AppArmor profiles", 0, profiles.length);
    await replaceProfiles(profiles, { load, cacheDir: paths.apparmorCacheDir });
    progress("compiling AppArmor profiles", profiles.length, profiles.length);
    progress("compiling seccomp filters", 0, sources.length);
    await opts.compileSeccomp(sources.map(([f, [, content]]) => ({ source: content, sourceFile: f, output: binOf(f) })));
    if (udevChanged && paths.root === "/") await udevReload([]);
  } catch (e) {
    await restore(backups);
    if (load) {
      const old = profiles.filter((f) => backups.get(f) !== undefined);
      await apparmorReplace(old, { load, cacheDir: paths.apparmorCacheDir }).catch(() => undefined);
    }
    throw e;
  }
  return {
    written: [...diff.changed.keys()],
    removed: [...diff.removed.keys()],
    profilesCompiled: profiles.length,
    filtersCompiled: sources.length,
    loaded: load,
  };
}

/**
 * One batched parser run for all changed profiles; when it fails and several
 * snaps are involved, one run per snap finds which snaps' profiles the parser
 * refuses, so the error names them instead of blaming the whole batch.
 */
async function replaceProfiles(files: readonly string[], opts: { load: boolean; cacheDir: string }): Promise<void> {
  try {
    await apparmorReplace(files, opts);
  } catch (batchError) {
    const bySnap = new Map<string, string[]>();
    for (const f of files) {
      const snap = path.basename(f).split(".")[1] ?? "";
      bySnap.set(snap, [...(bySnap.get(snap) ?? []), f]);
    }
    if (bySnap.size < 2) throw batchError;
    const failed: string[] = [];
    let first: unknown;
    for (const [snap, group] of bySnap) {
      try {
        await apparmorReplace(group, opts);
      } catch (e) {
        failed.push(snap);
        first ??= e;
      }
    }
    if (failed.length === 0) throw batchError;
    throw new PlugboardError(`AppArmor refused the profiles of snap(s) ${failed.join(", ")}: ${(first as Error).message}`);
  }
}

async function restore(backups: ReadonlyMap<string, Buffer | undefined>): Promise<void> {
  for (const [file, content] of backups) {
    if (content === undefined) await fs.rm(file, { force: true });
    else await writeFileAtomic(file, content);
  }
}

/** The parser keeps one cache file per profile under a features-specific folder. */
async function removeCached(paths: Paths, profileName: string): Promise<void> {
  const dirs = await fs.readdir(paths.apparmorCacheDir).catch(() => [] as string[]);
  for (const d of dirs) await fs.rm(path.join(paths.apparmorCacheDir, d, profileName), { force: true });
}
