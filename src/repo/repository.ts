import type { DeviceInfo } from "../device/index.js";
import { PolicyError, UsageError } from "../errors/index.js";
import type { InterfaceRegistry } from "../iface/index.js";
import type { AttrMap, PlugInfo, SlotInfo, SnapInfo } from "../snap/index.js";
import { SYSTEM_ALIASES, type Ref } from "./refs.js";
import { sanitizeSnap, type BadPlugOrSlot } from "./sanitize.js";
import { systemSnapInfo } from "./system-snap.js";

export interface InstalledSnap {
  /** Metadata with bad plugs and slots removed. */
  readonly info: SnapInfo;
  readonly revision: string;
  readonly isSystem: boolean;
  readonly bad: readonly BadPlugOrSlot[];
}

export interface Connection {
  readonly plug: Ref;
  readonly slot: Ref;
  readonly interface: string;
  /** Made by auto-connection rather than by a user. */
  readonly auto: boolean;
  readonly byGadget: boolean;
  /** An automatic connection the user disconnected: kept so it is not re-made. */
  readonly undesired: boolean;
  readonly plugStatic: AttrMap;
  readonly slotStatic: AttrMap;
}

export const connectionKey = (plug: Ref, slot: Ref): string => `${plug.snap}:${plug.name} ${slot.snap}:${slot.name}`;

/**
 * The in-memory graph of snaps, plugs, slots and connections. It enforces the
 * structural rules (things exist, interfaces match); policy is decided elsewhere.
 */
export class Repository {
  readonly #snaps = new Map<string, InstalledSnap>();
  readonly #connections = new Map<string, Connection>();
  readonly systemSnapName: string;

  constructor(
    readonly registry: InterfaceRegistry,
    readonly device: DeviceInfo,
  ) {
    const system = systemSnapInfo(registry, device);
    this.systemSnapName = system.name;
    this.#snaps.set(system.name, { info: system, revision: "builtin", isSystem: true, bad: [] });
  }

  /** The snap name a user typed, with every alias of the system snap resolved. */
  canonicalSnap(name: string): string {
    return SYSTEM_ALIASES.has(name) ? this.systemSnapName : name;
  }

  addSnap(info: SnapInfo, revision: string): InstalledSnap {
    if (SYSTEM_ALIASES.has(info.name)) {
      throw new PolicyError(`cannot install ${JSON.stringify(info.name)}: that name belongs to the built-in system snap`);
    }
    const { info: clean, bad } = sanitizeSnap(info, this.registry);
    const snap: InstalledSnap = { info: clean, revision, isSystem: false, bad };
    this.#snaps.set(info.name, snap);
    return snap;
  }

  removeSnap(name: string): void {
    for (const [key, c] of this.#connections) {
      if (c.plug.snap === name || c.slot.snap === name) this.#connections.delete(key);
    }
    this.#snaps.delete(name);
  }

  snap(name: string): InstalledSnap | undefined {
    return this.#snaps.get(this.canonicalSnap(name));
  }

  /** Installed snaps, the system snap first, then by name. */
  snaps(): InstalledSnap[] {
    return [...this.#snaps.values()].sort((a, b) =>
      a.isSystem !== b.isSystem ? (a.isSystem ? -1 : 1) : a.info.name < b.info.name ? -1 : 1,
    );
  }

  plug(ref: Ref): PlugInfo | undefined {
    return this.snap(ref.snap)?.info.plugs[ref.name];
  }

  slot(ref: Ref): SlotInfo | undefined {
    return this.snap(ref.snap)?.info.slots[ref.name];
  }

  allPlugs(): PlugInfo[] {
    return this.snaps().flatMap((s) => Object.values(s.info.plugs));
  }

  allSlots(): SlotInfo[] {
    return this.snaps().flatMap((s) => Object.values(s.info.slots));
  }

  /** Every recorded connection, undesired ones included, in key order. */
  connections(): Connection[] {
    return [...this.#connections.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
  }

  /** Connections in force: undesired records excluded. */
  activeConnections(): Connection[] {
    return this.connections().filter((c) => !c.undesired);
  }

  connection(plug: Ref, slot: Ref): Connection | undefined {
    return this.#connections.get(connectionKey(plug, slot));
  }

  /**
   * Records a connection restored from state. Connections whose plug or slot
   * no longer exists are kept aside and returned false so callers can report them.
   */
  restoreConnection(c: Connection): boolean {
    const plug = this.plug(c.plug);
    const slot = this.slot(c.slot);
    const canonical = { ...c, slot: { snap: this.canonicalSnap(c.slot.snap), name: c.slot.name } };
    this.#connections.set(connectionKey(canonical.plug, canonical.slot), canonical);
    return plug !== undefined && slot !== undefined && plug.interface === slot.interface;
  }

  /** Resolves `connect PLUG [SLOT]` as snapd does. */
  resolveConnect(plugRef: Ref, slotRef?: Ref): { plug: PlugInfo; slot: SlotInfo } {
    if (plugRef.name === "") throw new UsageError(`plug must be given as SNAP:PLUG, not ${JSON.stringify(plugRef.snap)}`);
    const plugSnap = this.snap(plugRef.snap);
    if (!plugSnap) throw new PolicyError(`snap ${JSON.stringify(plugRef.snap)} is not installed`);
    const plug = plugSnap.info.plugs[plugRef.name];
    if (!plug) throw new PolicyError(`snap ${JSON.stringify(plugSnap.info.name)} has no plug named ${JSON.stringify(plugRef.name)}`);

    // As snapd: with no slot snap, the system snap's slots; with no slot name, the one slot of that snap with the plug's interface.
    const slotSnap = slotRef && slotRef.snap !== "" ? this.snap(slotRef.snap) : this.snap(this.systemSnapName)!;
    if (!slotSnap) throw new PolicyError(`snap ${JSON.stringify(slotRef!.snap)} is not installed`);
    const slotSnapName = slotSnap.info.name;
    let slotName = slotRef?.name ?? "";
    if (slotName === "") {
      const candidates = Object.values(slotSnap.info.slots)
        .filter((s) => s.interface === plug.interface)
        .map((s) => s.name)
        .sort();
      if (candidates.length === 0) throw new PolicyError(`snap ${JSON.stringify(slotSnapName)} has no ${JSON.stringify(plug.interface)} interface slots`);
      if (candidates.length > 1) throw new PolicyError(`snap ${JSON.stringify(slotSnapName)} has multiple ${JSON.stringify(plug.interface)} interface slots: ${candidates.join(", ")}`);
      slotName = candidates[0]!;
    }
    const slot = slotSnap.info.slots[slotName];
    if (!slot) throw new PolicyError(`snap ${JSON.stringify(slotSnapName)} has no slot named ${JSON.stringify(slotName)}`);
    if (slot.interface !== plug.interface) {
      throw new PolicyError(
        `cannot connect ${plug.snap}:${plug.name} (${JSON.stringify(plug.interface)} interface) to ${slotSnapName}:${slot.name} (${JSON.stringify(slot.interface)} interface)`,
      );
    }
    return { plug, slot };
  }

  /** ":name" for system slots, "snap:name" otherwise. */
  displaySlot(s: { snap: string; name: string }): string {
    return s.snap === this.systemSnapName ? `:${s.name}` : `${s.snap}:${s.name}`;
  }

  setConnection(c: Connection): void {
    this.#connections.set(connectionKey(c.plug, c.slot), c);
  }

  deleteConnection(plug: Ref, slot: Ref): void {
    this.#connections.delete(connectionKey(plug, slot));
  }

  /**
   * Resolves `disconnect A [B]`: A alone is a plug or a slot and means all of
   * its connections; A and B name one connection.
   */
  resolveDisconnect(first: Ref, second?: Ref, includeUndesired = false): Connection[] {
    // --forget also reaches connections already disconnected and kept as undesired.
    const active = includeUndesired ? this.connections() : this.activeConnections();
    const canon = (r: Ref): Ref => ({ snap: this.canonicalSnap(r.snap), name: r.name });
    const a = canon(first);
    if (a.name === "") throw new UsageError(`give a plug or slot as SNAP:NAME, not ${JSON.stringify(first.snap)}`);
    if (!this.snap(a.snap)) throw new PolicyError(`snap ${JSON.stringify(first.snap)} is not installed`);
    if (second) {
      const b = canon(second);
      const found = active.filter(
        (c) =>
          c.plug.snap === a.snap && c.plug.name === a.name && c.slot.snap === b.snap && (b.name === "" || c.slot.name === b.name),
      );
      if (found.length === 0) {
        throw new PolicyError(`${first.snap}:${first.name} is not connected to ${second.snap}:${second.name || "*"}`);
      }
      return found;
    }
    const isPlug = this.plug(a) !== undefined;
    const isSlot = this.slot(a) !== undefined;
    if (!isPlug && !isSlot) throw new PolicyError(`snap ${JSON.stringify(a.snap)} has no plug or slot named ${JSON.stringify(a.name)}`);
    return active.filter(
      (c) => (isPlug && c.plug.snap === a.snap && c.plug.name === a.name) || (isSlot && c.slot.snap === a.snap && c.slot.name === a.name),
    );
  }
}
