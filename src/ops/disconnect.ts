import type { Paths } from "../paths/index.js";
import type { Ref } from "../repo/index.js";
import { connectionsToState, mutateSystem, type FileChanges, type MutateOptions } from "./system.js";

export interface DisconnectOptions extends MutateOptions {
  /** Drop the record entirely, so a later refresh may auto-connect again. */
  readonly forget?: boolean;
}

/** `disconnect A [B]`; returns the connections that were undone, as "plug slot". */
export async function disconnect(paths: Paths, first: Ref, second?: Ref, options: DisconnectOptions = {}): Promise<{ disconnected: string[]; files: FileChanges }> {
  return mutateSystem(paths, async (sys) => {
    const found = sys.repo.resolveDisconnect(first, second, options.forget === true);
    for (const c of found) {
      // An automatic connection stays recorded as undesired so it is not re-made.
      if (c.auto && !options.forget) sys.repo.setConnection({ ...c, undesired: true });
      else sys.repo.deleteConnection(c.plug, c.slot);
    }
    return {
      state: found.length ? { ...sys.state, connections: connectionsToState(sys.repo) } : sys.state,
      result: { disconnected: found.map((c) => `${c.plug.snap}:${c.plug.name} ${sys.repo.displaySlot(c.slot)}`) },
    };
  }, options);
}
