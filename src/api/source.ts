// The system the API answers from, loaded once and dropped whenever it may
// be stale. The agent keeps one for its life; a CLI command working directly
// on the files makes one for its single request, so both answer alike.
import path from "node:path";
import { readIfExists } from "../files/index.js";
import { loadSystem, PLUGBOARD_VERSION_FOR_KEY, type LoadedSystem } from "../ops/index.js";
import type { Paths } from "../paths/index.js";
import { kernelHasAppArmor } from "../system/index.js";
import { changersFor } from "./access.js";
import { ChangeLog } from "./change.js";
import type { ApiSource } from "./router.js";
import { parseOsRelease } from "./system-info.js";

export interface LoadedSource extends ApiSource {
  /** Drops what is loaded: the next request reads the files again. */
  invalidate(): void;
}

export function loadedSource(paths: Paths, mode: "agent" | "direct"): LoadedSource {
  let loaded: Promise<LoadedSystem> | undefined;
  const invalidate = () => {
    loaded = undefined;
  };
  const source: LoadedSource = {
    paths,
    changes: new ChangeLog(),
    invalidate,
    mode,
    changed: invalidate,
    changers: changersFor(process.getuid?.()),
    system: () => {
      const p = (loaded ??= loadSystem(paths));
      // A failed load is not kept: the next request tries again (the user may have fixed the file).
      p.catch(() => {
        if (loaded === p) loaded = undefined;
      });
      return p;
    },
    facts: async () => ({
      version: PLUGBOARD_VERSION_FOR_KEY,
      device: (await source.system()).device,
      osRelease: parseOsRelease(await readIfExists(path.join(paths.root, "etc/os-release"))),
      confinement: kernelHasAppArmor() ? "strict" : "partial",
    }),
  };
  return source;
}
