import { existsSync } from "node:fs";
import path from "node:path";
import type { Paths } from "../paths/index.js";
import type { SnapFilesLocator } from "../plan/index.js";
import type { State } from "../state/index.js";

/** A snap's files on the host: the tree extracted from its .snap, or the directory it was installed from. */
export function snapFilesDir(paths: Paths, name: string, revision: string | undefined, source: string | undefined): string | undefined {
  if (!revision) return undefined;
  const extracted = path.join(paths.snapRevisionDir(name, revision), "root");
  if (existsSync(extracted)) return extracted;
  if (source && existsSync(path.join(source, "meta/snap.yaml"))) return source;
  if (source && source.endsWith("/meta/snap.yaml")) return path.dirname(path.dirname(source));
  // A snap.yaml installed on its own has no files.
  return undefined;
}

/** Where each snap of a state has its files. */
export function snapFilesOf(paths: Paths, state: State): SnapFilesLocator {
  return (name) => snapFilesDir(paths, name, state.snaps[name]?.revision, state.snaps[name]?.source);
}
