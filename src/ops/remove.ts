import { PolicyError } from "../errors/index.js";
import type { Paths } from "../paths/index.js";
import { SYSTEM_ALIASES } from "../repo/index.js";
import { connectionsToState, mutateSystem, type FileChanges, type MutateOptions } from "./system.js";

export async function removeSnap(paths: Paths, name: string, options: MutateOptions = {}): Promise<{ name: string; revision: string; files: FileChanges }> {
  if (SYSTEM_ALIASES.has(name)) throw new PolicyError(`cannot remove ${JSON.stringify(name)}: the system snap is built in`);
  return mutateSystem(paths, async (sys) => {
    const entry = sys.state.snaps[name];
    if (!entry) throw new PolicyError(`snap ${JSON.stringify(name)} is not installed`);
    sys.repo.removeSnap(name);
    const { [name]: _removed, ...snaps } = sys.state.snaps;
    return {
      state: { ...sys.state, snaps, connections: connectionsToState(sys.repo) },
      result: { name, revision: entry.revision },
    };
  }, options);
}
