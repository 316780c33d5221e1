import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { applyDiff, diffPlans, type ApplyReport, type FileDiff } from "../apply/index.js";
import { readFileSync } from "node:fs";
import { packageRoot, readIfExists, writeFileAtomic } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { reconcileLinks } from "../apply/links.js";
import { parseLinkRecord } from "../backends/host-libraries/render.js";
import { BACKEND_DIRS, linkRecordFile, loaderPathFile, planSnap, type SnapPlan } from "../plan/index.js";
import { snapFilesOf } from "./snap-files.js";
import { withStateLock } from "../state/index.js";
import { apparmorCanLoad, apparmorReplace, loadedProfiles, probeHostFeatures, probeSecurityFeatures } from "../system/index.js";
import { seccompCompiler } from "./seccomp.js";
import { loadSystem } from "./system.js";

/** Plugboard's own version, part of the system key: a new version regenerates everything. */
export const PLUGBOARD_VERSION_FOR_KEY: string = (JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;

export interface SystemKey {
  readonly version: string;
  readonly apparmorFeatures: readonly string[];
  readonly parserVersion: string;
  /** The feature ABI profiles are compiled against, and a digest of it. */
  readonly policyFeatures: string;
  readonly seccompActions: string;
  readonly mode: string;
}

const keyFile = (paths: Paths) => path.join(paths.varLib, "system-key.json");

export interface ConvergeReport {
  /** Whether every profile was regenerated and recompiled because the system key changed. */
  readonly full: boolean;
  readonly diff: FileDiff;
  readonly apply: ApplyReport;
  /** Profiles reloaded from the cache because the kernel did not have them. */
  readonly reloaded: number;
  readonly durationMs: number;
}

/**
 * Makes the files on disk equal a fresh render of the recorded state: writes
 * what differs, removes files of snaps that are not installed and temporary
 * files a crash left behind. When the system key changed (new Plugboard,
 * kernel features, parser or device mode) every profile is recompiled, and the
 * new key is written only after every backend succeeded.
 */
export async function converge(paths: Paths, opts: { forceFull?: boolean; onProgress?: (phase: string, done: number, total: number) => void } = {}): Promise<ConvergeReport> {
  const started = Date.now();
  return withStateLock(paths, async () => {
    const sys = await loadSystem(paths);
    const key: SystemKey = { version: PLUGBOARD_VERSION_FOR_KEY, ...(await probeSecurityFeatures()), mode: sys.device.mode };
    const keyText = JSON.stringify(key);
    const full = opts.forceFull === true || (await readIfExists(keyFile(paths))) !== keyText;
    await removeTemporaries(paths);
    const plans = new Map<string, SnapPlan>();
    const host = await probeHostFeatures();
    const snapFiles = snapFilesOf(paths, sys.state);
    for (const snap of sys.repo.snaps()) plans.set(snap.info.name, planSnap(paths, sys.repo, sys.registry, snap, host, snapFiles));
    for (const orphan of await orphanSnaps(paths, new Set(plans.keys()))) plans.set(orphan, new Map());
    const diff = await diffPlans(paths, plans, sys.device.systemSnap);
    if (full) {
      // Recompile everything: treat every planned file as changed.
      for (const plan of plans.values()) for (const [file, content] of plan) if (!diff.changed.has(file)) diff.changed.set(file, [content, content]);
    } else {
      // A compiled filter missing next to its source (a crash between the two) is recompiled.
      for (const plan of plans.values()) {
        for (const [file, content] of plan) {
          if (file.endsWith(".src") && !diff.changed.has(file) && (await readIfExists(file.replace(/\.src$/, ".bin"))) === undefined) diff.changed.set(file, [content, content]);
        }
      }
    }
    const report = await applyDiff(paths, diff, { compileSeccomp: seccompCompiler(paths), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    // Links someone removed or changed under an unchanged record are put back as it says.
    const record = linkRecordFile(paths);
    if (!diff.changed.has(record) && !diff.removed.has(record)) {
      const links = parseLinkRecord(await readIfExists(record));
      if (links.size > 0) await reconcileLinks(paths.root, new Set(links.keys()), links);
    }
    let reloaded = 0;
    if (!full && apparmorCanLoad(paths.root)) {
      const loaded = loadedProfiles();
      const missing = [...plans.values()].flatMap((p) => [...p.keys()]).filter((f) => path.dirname(f) === paths.apparmorProfilesDir && !loaded.has(path.basename(f)) && !diff.changed.has(f));
      await apparmorReplace(missing, { load: true, cacheDir: paths.apparmorCacheDir });
      reloaded = missing.length;
    }
    if (full) await writeFileAtomic(keyFile(paths), keyText);
    return { full, diff, apply: report, reloaded, durationMs: Date.now() - started };
  });
}

/** Snaps that have generated files but are not installed (a crash between files and state). */
async function orphanSnaps(paths: Paths, installed: ReadonlySet<string>): Promise<string[]> {
  const out = new Set<string>();
  for (const dir of BACKEND_DIRS(paths)) {
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      const m = /^(?:snap\.([a-z0-9-]+)\.|70-plugboard\.([a-z0-9-]+)\.rules$)/.exec(name);
      const snap = m?.[1] ?? m?.[2];
      if (snap && !installed.has(snap)) out.add(snap);
    }
  }
  return [...out];
}

async function removeTemporaries(paths: Paths): Promise<void> {
  for (const dir of [...BACKEND_DIRS(paths), paths.varLib, paths.exportDir]) {
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (/^\..*\.tmp$/.test(name) || /\.tmp-/.test(name)) await fs.rm(path.join(dir, name), { force: true });
    }
  }
  // ld.so.conf.d is the host's: only the temporaries of Plugboard's own file go.
  const loader = path.basename(loaderPathFile(paths));
  for (const name of await fs.readdir(paths.ldconfigDir).catch(() => [] as string[])) {
    if (name.startsWith(`.${loader}.`) && name.endsWith(".tmp")) await fs.rm(path.join(paths.ldconfigDir, name), { force: true });
  }
}

/** A digest of every generated file, for status and tests. */
export async function fileDigest(file: string): Promise<string | undefined> {
  const b = await fs.readFile(file).catch(() => undefined);
  return b ? createHash("sha256").update(b).digest("hex").slice(0, 16) : undefined;
}
