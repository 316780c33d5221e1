import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileSystemError, PlugboardError } from "../errors/index.js";
import { fsyncDir, readIfExists, writeFileAtomic } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { BACKEND_DIRS, isSnapFile, linkRecordFile, loaderPathFile, SYSTEM_DIRS, type SnapPlan } from "../plan/index.js";
import { apparmorCanLoad, apparmorRemove, apparmorReplace, rebuildLoaderCache } from "../system/index.js";
import { loadKernelModules, udevReload } from "../system/index.js";
import { modulesListed } from "../backends/kmod/render.js";
import { parseLinkRecord } from "../backends/host-libraries/render.js";
import { reconcileLinks } from "./links.js";

/** A change to the files on disk, computed by comparing plans with what is there. */
export interface FileDiff {
  /** Path → [old content or undefined, new content]. */
  readonly changed: Map<string, [string | undefined, string]>;
  /** Path → old content. */
  readonly removed: Map<string, string>;
}

/**
 * Compares each snap's plan with its files on disk; a snap with an empty plan
 * loses all its files. `systemSnap` names the system snap, whose files are
 * host configuration rather than profiles.
 */
export async function diffPlans(paths: Paths, plans: ReadonlyMap<string, SnapPlan>, systemSnap?: string): Promise<FileDiff> {
  const changed = new Map<string, [string | undefined, string]>();
  const removed = new Map<string, string>();
  const onDisk = await listBackendFiles(paths);
  for (const [snap, plan] of plans) {
    for (const [file, content] of plan) {
      const old = await readIfExists(file);
      if (old !== content) changed.set(file, [old, content]);
    }
    for (const file of onDisk) {
      if (!isSnapFile(paths, snap, file, snap === systemSnap) || plan.has(file) || file.endsWith(".bin")) continue;
      removed.set(file, (await readIfExists(file)) ?? "");
    }
  }
  return { changed, removed };
}

async function listBackendFiles(paths: Paths): Promise<string[]> {
  const out: string[] = [];
  for (const dir of [...BACKEND_DIRS(paths), ...SYSTEM_DIRS(paths)]) {
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
  /**
   * The last step of the transaction (saving the new state). When it throws,
   * the files are rolled back like any other failure, so the files on disk
   * never run ahead of the recorded state (a full disk can refuse the state
   * file after every profile was written).
   */
  readonly commit?: () => Promise<void>;
}

export interface ApplyReport {
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly profilesCompiled: number;
  readonly filtersCompiled: number;
  /** True when profiles were loaded into the kernel, false when only compiled. */
  readonly loaded: boolean;
  /** Kernel modules an interface asked for that modprobe could not load, with why. */
  readonly modulesNotLoaded: readonly string[];
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
  const backups = new Map<string, Backup>();
  try {
    for (const f of touched) {
      backups.set(f, await backUp(f));
      if (f.endsWith(".src")) backups.set(binOf(f), await backUp(binOf(f)));
    }
  } catch (e) {
    await discardBackups(backups);
    throw e;
  }
  const profiles = [...diff.changed.keys()].filter((f) => path.dirname(f) === paths.apparmorProfilesDir);
  const removedProfiles = [...diff.removed.keys()].filter((f) => path.dirname(f) === paths.apparmorProfilesDir);
  const sources = [...diff.changed.entries()].filter(([f]) => path.dirname(f) === paths.seccompDir && f.endsWith(".src"));
  const udevChanged = touched.some((f) => path.dirname(f) === paths.udevRulesDir);
  const loaderChanged = touched.includes(loaderPathFile(paths));
  // The links follow their record: what it named before may be replaced or removed, nothing else.
  const record = linkRecordFile(paths);
  const linksBefore = parseLinkRecord(diff.changed.get(record)?.[0] ?? diff.removed.get(record));
  const linksMade = new Set<string>();
  const linksAfter = diff.changed.has(record) ? parseLinkRecord(diff.changed.get(record)![1]) : diff.removed.has(record) ? new Map<string, string>() : undefined;
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
    if (linksAfter) await reconcileLinks(paths.root, new Set(linksBefore.keys()), linksAfter, linksMade);
    if (loaderChanged && paths.root === "/") await rebuildLoaderCache();
    progress("compiling AppArmor profiles", 0, profiles.length);
    await replaceProfiles(profiles, { load, cacheDir: paths.apparmorCacheDir });
    progress("compiling AppArmor profiles", profiles.length, profiles.length);
    progress("compiling seccomp filters", 0, sources.length);
    await opts.compileSeccomp(sources.map(([f, [, content]]) => ({ source: content, sourceFile: f, output: binOf(f) })));
    if (udevChanged && paths.root === "/") await udevReload([]);
    await opts.commit?.();
  } catch (e) {
    const notRestored = await restore(backups);
    if (linksAfter) {
      // Back to the old links: the old record's and those this change made are Plugboard's, nothing else.
      await reconcileLinks(paths.root, new Set([...linksBefore.keys(), ...linksMade]), linksBefore).catch(() => notRestored.push(`the links ${record} records`));
      if (loaderChanged && paths.root === "/") await rebuildLoaderCache().catch(() => undefined);
    }
    if (load) {
      // The old versions of changed and of removed profiles go back into the kernel.
      const old = [...profiles, ...removedProfiles].filter((f) => backups.get(f)?.kind !== "absent");
      await apparmorReplace(old, { load, cacheDir: paths.apparmorCacheDir }).catch(() => undefined);
    }
    if (notRestored.length > 0) {
      throw new PlugboardError(
        `${(e as Error).message}; rolling back also failed for ${notRestored.join(", ")}: run "plugboard agent --once" once the cause is fixed, to bring the files back in line with the state`,
      );
    }
    throw e;
  }
  await discardBackups(backups);
  // After the commit: a module that cannot load is reported, not rolled back.
  const modulesNotLoaded = paths.root === "/" ? await loadKernelModules(newModules(paths, diff)) : [];
  return {
    modulesNotLoaded,
    written: [...diff.changed.keys()],
    removed: [...diff.removed.keys()],
    profilesCompiled: profiles.length,
    filtersCompiled: sources.length,
    loaded: load,
  };
}

/** Modules a changed modules-load.d file lists that its old version did not. */
function newModules(paths: Paths, diff: FileDiff): string[] {
  const out = new Set<string>();
  for (const [file, [before, after]] of diff.changed) {
    if (path.dirname(file) !== paths.modulesLoadDir) continue;
    const had = new Set(modulesListed(before));
    for (const m of modulesListed(after)) if (!had.has(m)) out.add(m);
  }
  return [...out].sort();
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

/**
 * How a file's previous version is kept until the change is done. A hard
 * link keeps the old bytes without copying them, and putting it back is a
 * rename: rollback must work on a full disk, which is exactly when writing a
 * copy back would fail. Where links are not possible, the bytes are kept in
 * memory and written back.
 */
type Backup = { readonly kind: "absent" } | { readonly kind: "link"; readonly path: string } | { readonly kind: "copy"; readonly content: Buffer };

async function backUp(file: string): Promise<Backup> {
  // Named like writeFileAtomic's temporaries, so a crash leaves nothing converge does not clean up.
  const link = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.backup.tmp`);
  try {
    await fs.link(file, link);
    return { kind: "link", path: link };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "absent" };
    if (code !== "EPERM" && code !== "EXDEV" && code !== "EMLINK" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw fileSystemError(e, "back up", file);
  }
  const content = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? undefined : Promise.reject(fileSystemError(e, "back up", file))));
  return content === undefined ? { kind: "absent" } : { kind: "copy", content };
}

/** Puts every file back as it was; returns the files that could not be restored (each is tried). */
async function restore(backups: ReadonlyMap<string, Backup>): Promise<string[]> {
  const failed: string[] = [];
  for (const [file, b] of backups) {
    try {
      if (b.kind === "absent") await fs.rm(file, { force: true });
      else if (b.kind === "link") {
        await fs.rename(b.path, file);
        // When the file was never replaced, the backup is another name of the
        // same inode, and rename() of one hard link onto another does nothing
        // (POSIX): the backup name is still there and goes now.
        await fs.rm(b.path, { force: true });
      } else await writeFileAtomic(file, b.content);
    } catch {
      failed.push(file);
    }
  }
  for (const dir of new Set([...backups.keys()].map((f) => path.dirname(f)))) await fsyncDir(dir).catch(() => undefined);
  return failed;
}

async function discardBackups(backups: ReadonlyMap<string, Backup>): Promise<void> {
  for (const b of backups.values()) if (b.kind === "link") await fs.rm(b.path, { force: true }).catch(() => undefined);
}

/** The parser keeps one cache file per profile under a features-specific folder. */
async function removeCached(paths: Paths, profileName: string): Promise<void> {
  const dirs = await fs.readdir(paths.apparmorCacheDir).catch(() => [] as string[]);
  for (const d of dirs) await fs.rm(path.join(paths.apparmorCacheDir, d, profileName), { force: true });
}
