import { PolicyError, UsageError } from "../errors/index.js";
import type { Decision } from "../policy/index.js";
import type { Ref } from "../repo/index.js";
import { manualDecision, planAutoConnections, slotCandidates } from "./autoconnect.js";
import type { LoadedSystem } from "./system.js";

export interface CandidateExplanation {
  readonly slot: Ref;
  /** What the display shows: ":name" for the system snap. */
  readonly display: string;
  readonly connected: boolean;
  readonly undesired: boolean;
  readonly autoConnect: Decision;
  /** Whether it would auto-connect once arity and existing records are taken into account. */
  readonly wouldAutoConnect: boolean;
  /** The manual connection check, when both snaps carry a snap-declaration. */
  readonly manual?: Decision;
  readonly note?: string;
}

export interface Explanation {
  readonly plug: Ref;
  readonly interface: string;
  readonly candidates: readonly CandidateExplanation[];
  readonly summary: string;
}

/** `explain SNAP:PLUG`: for each candidate slot, whether it would auto-connect and why. */
export function explainPlug(sys: LoadedSystem, ref: Ref): Explanation {
  if (ref.name === "") throw new UsageError(`give a plug as SNAP:PLUG, not ${JSON.stringify(ref.snap)}`);
  const plug = sys.repo.plug(ref);
  if (!plug) {
    if (sys.repo.snap(ref.snap)?.info.slots[ref.name]) throw new UsageError(`${ref.snap}:${ref.name} is a slot; explain takes a plug`);
    throw new PolicyError(`snap ${JSON.stringify(ref.snap)} has no plug named ${JSON.stringify(ref.name)}`);
  }
  const candidates = slotCandidates(sys.repo, sys.policy, plug);
  const passing = candidates.filter((c) => c.decision.allowed);
  const plan = planAutoConnections(sys.repo, sys.policy, plug.snap);
  const planned = new Set(plan.connect.filter((c) => c.plug.name === plug.name).map((c) => `${c.slot.snap}:${c.slot.name}`));
  const ambiguous = passing.length > 1 && !passing.every((c) => c.decision.slotsPerPlug === "*");
  const out: CandidateExplanation[] = candidates.map(({ slot, decision }) => {
    const record = sys.repo.connection({ snap: plug.snap, name: plug.name }, { snap: slot.snap, name: slot.name });
    const key = `${slot.snap}:${slot.name}`;
    const manual = manualDecision(sys.policy, plug, slot);
    let note: string | undefined;
    if (record?.undesired) note = "disconnected by hand: kept as undesired, so it is not re-made (disconnect --forget to allow it)";
    else if (record) note = `connected (${record.auto ? "automatically" : "by hand"})`;
    else if (decision.allowed && ambiguous) {
      note = `${passing.length} slots pass the auto-connection check and slots-per-plug is ${decision.slotsPerPlug}: none is chosen`;
    }
    return {
      slot: { snap: slot.snap, name: slot.name },
      display: sys.repo.displaySlot(slot),
      connected: record !== undefined && !record.undesired,
      undesired: record?.undesired ?? false,
      autoConnect: decision,
      wouldAutoConnect: planned.has(key) || (record !== undefined && !record.undesired && record.auto),
      ...(manual ? { manual } : {}),
      ...(note ? { note } : {}),
    };
  });
  const summary =
    candidates.length === 0
      ? `no slot of the ${plug.interface} interface is installed`
      : ambiguous
        ? `${passing.length} of ${candidates.length} candidate slots pass the auto-connection check; a plug auto-connects only to a single candidate unless slots-per-plug allows more`
        : passing.length === 0
          ? `none of the ${candidates.length} candidate slots passes the auto-connection check`
          : `${passing.length} of ${candidates.length} candidate slots passes the auto-connection check`;
  return { plug: ref, interface: plug.interface, candidates: out, summary };
}
