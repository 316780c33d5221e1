import path from "node:path";
import { PolicyError, UsageError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { badPlugsOrSlotsWarning, type BadPlugOrSlot } from "../repo/index.js";
import type { SnapState } from "../state/index.js";
import { readSnapSource } from "./source.js";
import { addWarning, connectionsToState, mutateSystem } from "./system.js";

export interface InstallOptions {
  /** Install without a snap-declaration (local, unsigned snaps). */
  readonly dangerous?: boolean;
  readonly classic?: boolean;
  readonly devmode?: boolean;
  readonly now?: Date;
}

export interface InstallResult {
  readonly name: string;
  readonly version: string | undefined;
  readonly revision: string;
  readonly refreshed: boolean;
  readonly bad: readonly BadPlugOrSlot[];
  /** Connections of the previous revision that no longer fit and were dropped. */
  readonly droppedConnections: readonly string[];
  readonly warnings: readonly string[];
}

/** Installs a snap, or refreshes it when a snap of that name is installed. */
export async function installSnap(paths: Paths, given: string, options: InstallOptions = {}): Promise<InstallResult> {
  // Read and validate before taking the lock: bad input never touches state.
  const source = await readSnapSource(given);
  const info = source.info;
  if (!options.dangerous) {
    throw new UsageError(
      `cannot find a snap-declaration for ${JSON.stringify(info.name)} (${given}); install it with --dangerous to skip signature checks`,
    );
  }
  if (info.confinement === "classic" && !options.classic) {
    throw new UsageError(`snap ${JSON.stringify(info.name)} uses classic confinement and is not confined; install it with --classic if you trust it`);
  }
  if (info.confinement === "devmode" && !options.devmode) {
    throw new UsageError(`snap ${JSON.stringify(info.name)} is in devmode and only logs what it would be denied; install it with --devmode if you accept that`);
  }

  return mutateSystem(paths, async (sys) => {
    if (info.confinement === "classic" && sys.device.mode === "core") {
      throw new PolicyError(`snap ${JSON.stringify(info.name)} uses classic confinement, which core devices do not allow`);
    }
    const previous = sys.state.snaps[info.name];
    const localNumber = (previous?.["last-local-revision"] ?? 0) + 1;
    const revision = `x${localNumber}`;
    const installed = sys.repo.addSnap(info, revision);
    await writeFileAtomic(path.join(paths.snapRevisionDir(info.name, revision), "snap.yaml"), source.yaml);

    // On refresh, connections survive when both ends still exist with the same interface.
    const dropped: string[] = [];
    for (const c of sys.repo.connections()) {
      if (c.plug.snap !== info.name && c.slot.snap !== info.name) continue;
      const plug = sys.repo.plug(c.plug);
      const slot = sys.repo.slot(c.slot);
      if (!plug || !slot || plug.interface !== slot.interface || plug.interface !== c.interface) {
        sys.repo.deleteConnection(c.plug, c.slot);
        if (!c.undesired) dropped.push(`${c.plug.snap}:${c.plug.name} ${sys.repo.displaySlot(c.slot)}`);
      } else {
        // The new revision's attributes are the ones the connection carries from now on.
        sys.repo.setConnection({ ...c, plugStatic: plug.attrs, slotStatic: slot.attrs });
      }
    }

    const snapState: SnapState = { revision, "last-local-revision": localNumber, source: source.origin, dangerous: true };
    let state = {
      ...sys.state,
      snaps: { ...sys.state.snaps, [info.name]: snapState },
      connections: connectionsToState(sys.repo),
    };
    const warnings: string[] = [];
    if (installed.bad.length > 0) {
      const w = badPlugsOrSlotsWarning(info.name, installed.bad);
      warnings.push(w);
      state = addWarning(state, w, options.now ?? new Date());
    }
    return {
      state,
      result: {
        name: info.name,
        version: info.version,
        revision,
        refreshed: previous !== undefined,
        bad: installed.bad,
        droppedConnections: dropped,
        warnings,
      },
    };
  });
}
