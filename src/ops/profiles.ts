import { promises as fs } from "node:fs";
import path from "node:path";
import { PolicyError, UsageError } from "../errors/index.js";
import type { Paths } from "../paths/index.js";
import { BACKEND_DIRS, isSnapFile } from "../plan/index.js";
import { isValidAppName, isValidSnapName } from "../snap/index.js";
import type { LoadedSystem } from "./system.js";

/** `profiles SNAP[.APP]`: the files on disk generated for a snap, text only (compiled filters are listed by path). */
export async function generatedFiles(paths: Paths, sys: LoadedSystem, target: string): Promise<{ path: string; content: string }[]> {
  const [snap, app] = target.split(".", 2) as [string, string | undefined];
  if (!isValidSnapName(snap) || (app !== undefined && !isValidAppName(app))) throw new UsageError(`expected SNAP or SNAP.APP, not ${JSON.stringify(target)}`);
  if (!sys.repo.snap(snap)) throw new PolicyError(`snap ${JSON.stringify(snap)} is not installed`);
  const out: { path: string; content: string }[] = [];
  for (const dir of BACKEND_DIRS(paths)) {
    for (const name of (await fs.readdir(dir).catch(() => [] as string[])).sort()) {
      const file = path.join(dir, name);
      if (!isSnapFile(paths, snap, file)) continue;
      if (app !== undefined && (dir === paths.apparmorProfilesDir || dir === paths.seccompDir) && !name.startsWith(`snap.${snap}.${app}`)) continue;
      const content = name.endsWith(".bin") ? `(compiled seccomp filter, ${(await fs.stat(file)).size} bytes)` : await fs.readFile(file, "utf8");
      out.push({ path: file, content });
    }
  }
  return out;
}
