import { promises as fs } from "node:fs";
import path from "node:path";
import { PlugboardError } from "../errors/index.js";
import { readIfExists, writeFileAtomic } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { acknowledge } from "./asserts.js";
import { installSnap } from "./install.js";
import { readSnapSource, type SnapSource } from "./source.js";

export interface SeedResult {
  readonly acknowledged: string[];
  readonly installed: string[];
  readonly failed: { entry: string; error: string }[];
}

/**
 * Installs what an image builder or update tool dropped into the seed
 * directory: assertions (*.assert) first, then snaps, default providers
 * before their consumers. Each entry is processed once (remembered by name,
 * size and modification time); a failing entry is reported and retried when
 * it changes.
 */
export async function processSeed(paths: Paths): Promise<SeedResult> {
  const doneFile = path.join(paths.varLib, "seed-done.json");
  const done = new Set<string>(JSON.parse((await readIfExists(doneFile)) ?? "[]") as string[]);
  const entries = (await fs.readdir(paths.seedDir).catch(() => [] as string[])).filter((e) => !e.startsWith(".")).sort();
  const result: SeedResult = { acknowledged: [], installed: [], failed: [] };
  const stamp = async (e: string) => {
    const st = await fs.stat(path.join(paths.seedDir, e));
    return `${e}:${st.size}:${st.mtimeMs}`;
  };
  const pending: { entry: string; stamp: string }[] = [];
  for (const e of entries) {
    const s = await stamp(e);
    if (!done.has(s)) pending.push({ entry: e, stamp: s });
  }
  for (const p of pending.filter((p) => p.entry.endsWith(".assert"))) {
    try {
      const file = path.join(paths.seedDir, p.entry);
      await acknowledge(paths, await fs.readFile(file, "utf8"), file);
      result.acknowledged.push(p.entry);
      done.add(p.stamp);
    } catch (e) {
      if (!(e instanceof PlugboardError)) throw e;
      result.failed.push({ entry: p.entry, error: e.message });
    }
  }
  const snaps: { entry: string; stamp: string; source: SnapSource }[] = [];
  for (const p of pending.filter((p) => !p.entry.endsWith(".assert"))) {
    try {
      snaps.push({ ...p, source: await readSnapSource(path.join(paths.seedDir, p.entry)) });
    } catch (e) {
      if (!(e instanceof PlugboardError)) throw e;
      result.failed.push({ entry: p.entry, error: e.message });
    }
  }
  // Providers named by other seed snaps' content plugs go first.
  const providers = new Set(
    snaps.flatMap((s) => Object.values(s.source.info.plugs).map((pl) => (typeof pl.attrs["default-provider"] === "string" ? String(pl.attrs["default-provider"]).split(":")[0] : undefined))),
  );
  snaps.sort((a, b) => Number(providers.has(b.source.info.name)) - Number(providers.has(a.source.info.name)) || (a.entry < b.entry ? -1 : 1));
  for (const s of snaps) {
    try {
      // Seeds are trusted like root's own installs: a declaration is used when acknowledged.
      await installSnap(paths, path.join(paths.seedDir, s.entry), { dangerous: true, providerDir: paths.seedDir, classic: true, devmode: true });
      result.installed.push(s.source.info.name);
      done.add(s.stamp);
    } catch (e) {
      if (!(e instanceof PlugboardError)) throw e;
      result.failed.push({ entry: s.entry, error: e.message });
    }
  }
  if (pending.length) await writeFileAtomic(doneFile, JSON.stringify([...done].sort()));
  return result;
}
