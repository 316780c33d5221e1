import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fsyncDir } from "../files/index.js";
import { PlugboardError } from "../errors/index.js";

/** A host file Plugboard did not make stands where it would put a link; nothing is replaced. */
export class HostFileInTheWay extends PlugboardError {
  override name = "HostFileInTheWay";
}

async function readLink(p: string): Promise<string | undefined | null> {
  try {
    const st = await fs.lstat(p);
    if (!st.isSymbolicLink()) return null;
    return await fs.readlink(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/**
 * Makes the links under root match `want` (host path → target). Only links
 * named in `owned` (what the previous record named) may be replaced or
 * removed; any other file where a wanted link goes stops everything before a
 * single link changes, since it belongs to the host (a distribution's own
 * driver manifest, say). Each link is made under a temporary name and renamed
 * into place, so a reader sees the old link or the new one. Every link made
 * is added to `made`, so that a rollback knows which of them it may undo.
 */
export async function reconcileLinks(root: string, owned: ReadonlySet<string>, want: ReadonlyMap<string, string>, made: Set<string> = new Set()): Promise<void> {
  const at = (p: string) => path.join(root, p);
  for (const [link, target] of want) {
    const now = await readLink(at(link));
    if (now === undefined || now === target || (now !== null && owned.has(link))) continue;
    throw new HostFileInTheWay(
      `cannot link ${link} to ${target}: ${now === null ? "a file" : `a link to ${now}`} that Plugboard did not make is there; move it away, or disconnect the slot that asks for it`,
    );
  }
  const dirs = new Set<string>();
  for (const [link, target] of want) {
    const file = at(link);
    if ((await readLink(file)) === target) continue;
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    await fs.symlink(target, tmp);
    await fs.rename(tmp, file);
    made.add(link);
    dirs.add(path.dirname(file));
  }
  for (const link of owned) {
    if (want.has(link)) continue;
    const file = at(link);
    const now = await readLink(file);
    if (now === undefined || now === null) continue;
    await fs.rm(file, { force: true });
    dirs.add(path.dirname(file));
  }
  for (const d of dirs) await fsyncDir(d).catch(() => undefined);
}
