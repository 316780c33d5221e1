import { promises as fs } from "node:fs";
import path from "node:path";
import { PlugboardError } from "../errors/index.js";
import { readSnapSource, type SnapSource } from "./source.js";

/**
 * The snaps an image builder or update tool made available for default
 * providers: every directory (meta/snap.yaml), .snap or .yaml entry of a
 * folder, by snap name. Entries that cannot be read are reported, not fatal.
 */
export async function scanAvailable(dir: string): Promise<{ byName: Map<string, SnapSource>; problems: string[] }> {
  const byName = new Map<string, SnapSource>();
  const problems: string[] = [];
  let entries: string[];
  try {
    entries = (await fs.readdir(dir)).sort();
  } catch {
    return { byName, problems };
  }
  for (const e of entries) {
    if (e.startsWith(".")) continue;
    try {
      const src = await readSnapSource(path.join(dir, e));
      if (!byName.has(src.info.name)) byName.set(src.info.name, src);
    } catch (err) {
      if (!(err instanceof PlugboardError)) throw err;
      problems.push(`${path.join(dir, e)}: ${err.message}`);
    }
  }
  return { byName, problems };
}
