import { PolicyError } from "../errors/index.js";
import type { Paths } from "../paths/index.js";
import type { Ref } from "../repo/index.js";
import { manualDecision } from "./autoconnect.js";
import { connectionsToState, mutateSystem, type FileChanges, type MutateOptions } from "./system.js";

export interface ConnectResult {
  readonly plug: Ref;
  readonly slot: Ref;
  readonly interface: string;
  /** False when the connection already existed. */
  readonly changed: boolean;
}

/** `connect PLUG [SLOT]`: a manual connection. */
export async function connect(paths: Paths, plugRef: Ref, slotRef?: Ref, options: MutateOptions = {}): Promise<ConnectResult & { files: FileChanges }> {
  return mutateSystem<ConnectResult>(paths, async (sys) => {
    const { plug, slot } = sys.repo.resolveConnect(plugRef, slotRef);
    // Only when both snaps carry a snap-declaration; unasserted snaps skip the check, as in snapd.
    const decision = manualDecision(sys.policy, plug, slot);
    if (decision && !decision.allowed) {
      throw new PolicyError(
        `cannot connect ${plug.snap}:${plug.name} to ${sys.repo.displaySlot(slot)}: ${decision.reason}`,
      );
    }
    const p = { snap: plug.snap, name: plug.name };
    const s = { snap: slot.snap, name: slot.name };
    const existing = sys.repo.connection(p, s);
    if (existing && !existing.undesired) {
      return { state: sys.state, result: { plug: p, slot: s, interface: plug.interface, changed: false } };
    }
    sys.repo.setConnection({
      plug: p,
      slot: s,
      interface: plug.interface,
      auto: false,
      byGadget: false,
      undesired: false,
      plugStatic: plug.attrs,
      slotStatic: slot.attrs,
    });
    return {
      state: { ...sys.state, connections: connectionsToState(sys.repo) },
      result: { plug: p, slot: s, interface: plug.interface, changed: true },
    };
  }, options);
}
