import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { parseSeccompSource } from "../../src/backends/seccomp/index.js";
import { loadSystem } from "../../src/ops/index.js";
import { makePaths } from "../../src/paths/index.js";
import { planSnap } from "../../src/plan/index.js";
import { compileSeccompBatch } from "../../src/system/index.js";

/** The directories Plugboard generates, relative to the root: what the kernel, udev and the launcher enforce. */
export const GENERATED_DIRS = ["var/lib/plugboard/apparmor/profiles", "var/lib/plugboard/seccomp/bpf", "var/lib/plugboard/mount", "etc/udev/rules.d"] as const;
export const STATE_FILE = "var/lib/plugboard/state.json";

const sha256 = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

/**
 * sha256 of every file under the given directories (relative to root), read
 * as bytes: compiled filters are binary, and a utf8 read would hide changes.
 */
export async function digestTree(root: string, dirs: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? [] : Promise.reject(e)));
    for (const e of entries) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) await walk(r);
      else out[r] = sha256(await readFile(path.join(root, r)));
    }
  };
  for (const d of dirs) await walk(d);
  return out;
}

/** What a failed command must leave byte-identical: every generated file and the state file. */
export async function protectedDigests(root: string): Promise<Record<string, string>> {
  const out = await digestTree(root, GENERATED_DIRS);
  const state = await readFile(path.join(root, STATE_FILE)).catch(() => undefined);
  if (state) out[STATE_FILE] = sha256(state);
  return out;
}

/** Every generated file a fresh render of the recorded state gives (compiled filters aside), relative to root. */
export async function freshRender(root: string): Promise<Record<string, string>> {
  const paths = makePaths(root);
  const sys = await loadSystem(paths);
  const out: Record<string, string> = {};
  for (const snap of sys.repo.snaps()) if (!snap.isSystem) for (const [f, c] of planSnap(paths, sys.repo, sys.registry, snap)) out[path.relative(root, f)] = c;
  return out;
}

/**
 * The generated files on disk are exactly a fresh render of the recorded
 * state: the same set of files with the same bytes, each seccomp source next
 * to a filter identical to what compiling it afresh gives, and no temporary
 * left behind anywhere under the root.
 */
export async function expectMatchesFreshRender(root: string): Promise<void> {
  const expected = await freshRender(root);
  const onDisk = await digestTree(root, GENERATED_DIRS);
  const text = Object.fromEntries(await Promise.all(Object.keys(onDisk).filter((f) => !f.endsWith(".bin")).map(async (f) => [f, await readFile(path.join(root, f), "utf8")] as const)));
  expect(text).toEqual(expected);
  const sources = Object.keys(expected).filter((f) => f.endsWith(".src"));
  expect(Object.keys(onDisk).filter((f) => f.endsWith(".bin")).sort()).toEqual(sources.map((f) => f.replace(/\.src$/, ".bin")).sort());
  if (sources.length > 0) {
    const scratch = await mkdtemp(path.join(tmpdir(), "plugboard-bin-"));
    try {
      await compileSeccompBatch(
        sources.map((f) => ({ source: parseSeccompSource(expected[f]!, path.join(root, f), { root }), output: path.join(scratch, path.basename(f, ".src") + ".bin") })),
      );
      for (const f of sources) {
        const bin = f.replace(/\.src$/, ".bin");
        expect(onDisk[bin], bin).toBe(sha256(await readFile(path.join(scratch, path.basename(bin)))));
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  expect(await temporaries(root)).toEqual([]);
}

/** Files under root that look like an interrupted write's leftovers (temporary or backup files). */
export async function temporaries(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.tmp$|\.tmp-|\.partial$/.test(e.name)) out.push(path.relative(root, p));
    }
  };
  await walk(root);
  return out.sort();
}
