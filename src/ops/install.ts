import path from "node:path";
import { promises as fs } from "node:fs";
import { headerString } from "../asserts/index.js";
import { PolicyError, UsageError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { extractSquashfs, type UnpackReport } from "../system/index.js";
import type { Paths } from "../paths/index.js";
import { checkConnection, checkInstallation, checkInstallationMinimal, type PolicyEndpoint } from "../policy/index.js";
import { badPlugsOrSlotsWarning, sanitizeSnap, type BadPlugOrSlot } from "../repo/index.js";
import { parseGadgetConnections, type PlugInfo, type SlotInfo, type SnapInfo } from "../snap/index.js";
import type { SnapState, State } from "../state/index.js";
import { autoConnection, planAutoConnections } from "./autoconnect.js";
import { policySnapType, type SnapIdentity } from "./policy-view.js";
import { scanAvailable } from "./providers.js";
import { readSnapSource, type SnapSource } from "./source.js";
import { addWarning, connectionsToState, identityFrom, mutateSystem, type FileChanges, type LoadedSystem } from "./system.js";

export interface InstallOptions {
  /** Allow the snap (and default providers) to have no snap-declaration. */
  readonly dangerous?: boolean;
  readonly classic?: boolean;
  readonly devmode?: boolean;
  /** Where default providers are looked for; default <root>/var/lib/plugboard/available. */
  readonly providerDir?: string;
  readonly now?: Date;
  readonly dryRun?: boolean;
}

export interface InstallResult {
  readonly name: string;
  readonly version: string | undefined;
  readonly revision: string;
  readonly refreshed: boolean;
  readonly bad: readonly BadPlugOrSlot[];
  /** Connections of the previous revision that no longer fit and were dropped. */
  readonly droppedConnections: readonly string[];
  /** Connections made automatically by this install, as "plug slot". */
  readonly autoConnected: readonly string[];
  /** Default providers installed or refreshed first. */
  readonly providers: readonly InstallResult[];
  readonly warnings: readonly string[];
}

/** Installs a snap, or refreshes it when a snap of that name is installed. */
export async function installSnap(paths: Paths, given: string, options: InstallOptions = {}): Promise<InstallResult & { files: FileChanges }> {
  // Read and validate before taking the lock: bad input never touches state.
  const source = await readSnapSource(given);
  checkConfinementFlags(source.info, options);
  return mutateSystem(paths, async (sys) => {
    const installer = new Installer(sys, paths, options);
    const result = await installer.install(source, []);
    return { state: installer.state(), result };
  }, { dryRun: options.dryRun === true });
}

export function checkConfinementFlags(info: SnapInfo, options: InstallOptions): void {
  if (info.confinement === "classic" && !options.classic) {
    throw new UsageError(`snap ${JSON.stringify(info.name)} uses classic confinement and is not confined; install it with --classic if you trust it`);
  }
  if (info.confinement === "devmode" && !options.devmode) {
    throw new UsageError(`snap ${JSON.stringify(info.name)} is in devmode and only logs what it would be denied; install it with --devmode if you accept that`);
  }
}

/** One install command's work: the snap, its default providers, their connections. */
class Installer {
  readonly #snaps: Record<string, SnapState>;
  #state: State;
  #available: Awaited<ReturnType<typeof scanAvailable>> | undefined;

  constructor(
    readonly sys: LoadedSystem,
    readonly paths: Paths,
    readonly options: InstallOptions,
  ) {
    this.#snaps = { ...sys.state.snaps };
    this.#state = sys.state;
  }

  state(): State {
    return { ...this.#state, snaps: this.#snaps, connections: connectionsToState(this.sys.repo) };
  }

  async install(source: SnapSource, chain: readonly string[]): Promise<InstallResult> {
    const { repo, policy, identities, device } = this.sys;
    const info = source.info;
    const identity = this.identityFor(info);
    const providers = await this.ensureDefaultProviders(info, [...chain, info.name]);

    const gadgetConnections = source.gadgetYaml !== undefined ? parseGadgetConnections(source.gadgetYaml, `${source.origin}: meta/gadget.yaml`) : undefined;
    if (info.confinement === "classic" && device.mode === "core") {
      throw new PolicyError(`snap ${JSON.stringify(info.name)} uses classic confinement, which core devices do not allow`);
    }
    this.checkInstallPolicy(info, identity);

    const previous = repo.snap(info.name);
    const previousState = this.#snaps[info.name];
    const localNumber = (previousState?.["last-local-revision"] ?? 0) + 1;
    const revision = `x${localNumber}`;
    const installed = repo.addSnap(info, revision);
    if (identity.snapId !== undefined) identities.set(info.name, identity);
    else identities.delete(info.name);
    if (!this.sys.dryRun) await writeFileAtomic(path.join(this.paths.snapRevisionDir(info.name, revision), "snap.yaml"), source.yaml);
    if (source.gadgetYaml !== undefined && !this.sys.dryRun) {
      await writeFileAtomic(path.join(this.paths.snapRevisionDir(info.name, revision), "gadget.yaml"), source.gadgetYaml);
    }
    if (gadgetConnections) this.sys.gadgetConnections = gadgetConnections;
    // The launcher mounts a snap's files at $SNAP; a .snap image is unpacked once, here.
    // Unpacked beside its place and renamed into it, so a tree left by an
    // interrupted install or removal of the same revision never blocks this one.
    let unpacked: UnpackReport | undefined;
    if (source.kind === "squashfs" && !this.sys.dryRun) {
      const root = path.join(this.paths.snapRevisionDir(info.name, revision), "root");
      await fs.rm(`${root}.partial`, { recursive: true, force: true });
      unpacked = await extractSquashfs(source.origin, `${root}.partial`);
      await fs.rm(root, { recursive: true, force: true });
      await fs.rename(`${root}.partial`, root);
    }

    // On refresh, connections survive when both ends still exist with the same interface.
    const dropped: string[] = [];
    for (const c of repo.connections()) {
      if (c.plug.snap !== info.name && c.slot.snap !== info.name) continue;
      const plug = repo.plug(c.plug);
      const slot = repo.slot(c.slot);
      if (!plug || !slot || plug.interface !== slot.interface || plug.interface !== c.interface) {
        repo.deleteConnection(c.plug, c.slot);
        if (!c.undesired) dropped.push(`${c.plug.snap}:${c.plug.name} ${repo.displaySlot(c.slot)}`);
      } else {
        // The new revision's attributes are the ones the connection carries from now on.
        repo.setConnection({ ...c, plugStatic: plug.attrs, slotStatic: slot.attrs });
      }
    }

    this.#snaps[info.name] = {
      revision,
      "last-local-revision": localNumber,
      source: source.origin,
      dangerous: identity.snapId === undefined,
      confinement: info.confinement,
      ...(identity.snapId !== undefined ? { "snap-id": identity.snapId } : {}),
      ...(identity.publisherId !== undefined ? { "publisher-id": identity.publisherId } : {}),
    };

    const warnings: string[] = [];
    if (unpacked && (unpacked.removed.length > 0 || unpacked.modesCleared > 0)) {
      const parts = [
        ...(unpacked.removed.length ? [`left out ${unpacked.removed.length} device node(s), FIFO(s) or socket(s) (${unpacked.removed.slice(0, 3).join(", ")}${unpacked.removed.length > 3 ? ", …" : ""})`] : []),
        ...(unpacked.modesCleared ? [`cleared setuid, setgid, sticky or group/other write bits on ${unpacked.modesCleared} file(s)`] : []),
      ];
      const w = `snap ${JSON.stringify(info.name)}: its image ${parts.join(" and ")}; a snap's files never carry these powers`;
      warnings.push(w);
      this.#state = addWarning(this.#state, w, this.options.now ?? new Date());
    }
    if (installed.bad.length > 0) {
      const w = badPlugsOrSlotsWarning(info.name, installed.bad);
      warnings.push(w);
      this.#state = addWarning(this.#state, w, this.options.now ?? new Date());
    }

    // A snap that moves from classic to strict confinement gets no automatic
    // connections at that refresh: its plugs wait for a manual connect.
    const autoConnected: string[] = [];
    const fromClassic = previous !== undefined && (previousState?.confinement ?? previous.info.confinement) === "classic" && info.confinement !== "classic";
    if (!fromClassic) {
      // The gadget's connections come first, under connection (not auto-connection) rules.
      for (const g of this.gadgetConnectionsFor(info.name)) {
        if (g.error) {
          warnings.push(g.error);
          continue;
        }
        repo.setConnection({ ...autoConnection(g.plug!, g.slot!), byGadget: true });
        autoConnected.push(`${g.plug!.snap}:${g.plug!.name} ${repo.displaySlot(g.slot!)} (gadget)`);
      }
      const plan = planAutoConnections(repo, policy, info.name);
      for (const { plug, slot } of plan.connect) {
        repo.setConnection(autoConnection(plug, slot));
        autoConnected.push(`${plug.snap}:${plug.name} ${repo.displaySlot(slot)}`);
      }
      warnings.push(...plan.warnings);
    }

    return {
      name: info.name,
      version: info.version,
      revision,
      refreshed: previous !== undefined,
      bad: installed.bad,
      droppedConnections: dropped,
      autoConnected,
      providers,
      warnings,
    };
  }

  /**
   * Gadget connections that involve `snapName` (all of them when it is the
   * gadget) and whose plug and slot both exist and are not yet recorded.
   */
  gadgetConnectionsFor(snapName: string): { plug?: PlugInfo; slot?: SlotInfo; error?: string }[] {
    const { repo, identities, policy } = this.sys;
    const isGadget = repo.snap(snapName)?.info.type === "gadget";
    // Gadget entries name snaps by snap id; unasserted snaps can only be named by their name.
    const byIdOrName = (x: string): string | undefined => {
      if (x === "system") return repo.systemSnapName;
      for (const [name, id] of identities) if (id.snapId === x) return name;
      return repo.snap(x) && !repo.snap(x)!.isSystem ? x : undefined;
    };
    const out: { plug?: PlugInfo; slot?: SlotInfo; error?: string }[] = [];
    for (const g of this.sys.gadgetConnections) {
      const plugSnap = byIdOrName(g.plug.snap);
      const slotSnap = byIdOrName(g.slot.snap);
      if (!plugSnap || !slotSnap || (!isGadget && plugSnap !== snapName && slotSnap !== snapName)) continue;
      const plug = repo.plug({ snap: plugSnap, name: g.plug.name });
      const slot = repo.slot({ snap: slotSnap, name: g.slot.name });
      if (!plug || !slot) continue;
      if (repo.connection({ snap: plug.snap, name: plug.name }, { snap: slot.snap, name: slot.name })) continue;
      if (plug.interface !== slot.interface) {
        out.push({ error: `gadget connection ${plug.snap}:${plug.name} ${repo.displaySlot(slot)}: interfaces differ` });
        continue;
      }
      const p = policy.identity(plug.snap);
      const s = policy.identity(slot.snap);
      const d = checkConnection("connection", {
        plug: policy.endpoint(plug),
        slot: policy.endpoint(slot),
        ...(p.declaration ? { plugDeclaration: p.declaration } : {}),
        ...(s.declaration ? { slotDeclaration: s.declaration } : {}),
        base: policy.base,
        device: policy.device,
      });
      if (!d.allowed) out.push({ error: `gadget connection ${plug.snap}:${plug.name} ${repo.displaySlot(slot)} refused: ${d.reason}` });
      else out.push({ plug, slot });
    }
    return out;
  }

  /**
   * The snap-declaration acknowledged for this snap name, or none when
   * --dangerous allows it. Missing one is a refusal (exit 1), not a usage
   * mistake: the command line was right, the system lacks the assertion.
   */
  identityFor(info: SnapInfo): SnapIdentity {
    const { assertions } = this.sys;
    const decl = assertions.snapDeclarationByName(info.name);
    if (decl) {
      return identityFrom(headerString(decl.headers, "snap-id")!, headerString(decl.headers, "publisher-id"), decl);
    }
    if (!this.options.dangerous) {
      // A declaration on disk that no longer counts would otherwise look like a bug.
      const ignored = assertions
        .ignored()
        .filter((i) => i.assertion.type === "snap-declaration" && headerString(i.assertion.headers, "snap-name") === info.name)
        .map((i) => ` (ignored ${i.file}: ${i.reason})`);
      throw new PolicyError(
        `cannot find a snap-declaration for ${JSON.stringify(info.name)}; acknowledge one with "plugboard ack", or install with --dangerous to skip signature checks${ignored.join("")}`,
      );
    }
    return {};
  }

  checkInstallPolicy(info: SnapInfo, identity: SnapIdentity): void {
    const { policy, registry } = this.sys;
    const clean = sanitizeSnap(info, registry).info;
    const snapType = policySnapType(info.type, false);
    const endpoint = (p: PlugInfo): PolicyEndpoint => ({
      snap: info.name,
      snapType,
      ...(identity.snapId !== undefined ? { snapId: identity.snapId } : {}),
      ...(identity.publisherId !== undefined ? { publisherId: identity.publisherId } : {}),
      name: p.name,
      interface: p.interface,
      attrs: p.attrs,
    });
    const plugs = Object.values(clean.plugs).map(endpoint);
    const slots = Object.values(clean.slots).map(endpoint);
    const decision = identity.declaration
      ? checkInstallation({ plugs, slots, declaration: identity.declaration, base: policy.base, device: policy.device })
      : checkInstallationMinimal({ slots, base: policy.base, device: policy.device });
    if (!decision.allowed && decision.refusal) {
      const r = decision.refusal;
      const iface = (r.side === "plug" ? clean.plugs : clean.slots)[r.name]?.interface;
      throw new PolicyError(
        `cannot install ${JSON.stringify(info.name)}: ${r.side} ${JSON.stringify(r.name)} (${iface} interface): ${r.decision.reason}` +
          (r.decision.level?.startsWith("base") ? "; a snap-declaration must allow it" : ""),
      );
    }
  }

  /**
   * A content plug's default provider is installed (or refreshed) first when
   * no slot with the plug's content label exists yet. Being installed implies
   * no connection: the auto-connection check alone decides.
   */
  async ensureDefaultProviders(info: SnapInfo, chain: readonly string[]): Promise<InstallResult[]> {
    const { repo, registry } = this.sys;
    const results: InstallResult[] = [];
    for (const plug of Object.values(sanitizeSnap(info, registry).info.plugs)) {
      const provider = plug.interface === "content" ? plug.attrs["default-provider"] : undefined;
      if (typeof provider !== "string") continue;
      const name = provider.split(":")[0]!;
      const label = plug.attrs["content"];
      const hasLabel = (snap?: SnapInfo) =>
        Object.values(snap?.slots ?? {}).some((s) => s.interface === "content" && s.attrs["content"] === label);
      if (repo.allSlots().some((s) => s.interface === "content" && s.attrs["content"] === label)) continue;
      if (chain.includes(name)) continue;
      const available = await this.available();
      const source = available.byName.get(name);
      const installedProvider = repo.snap(name);
      if (!source) {
        if (!installedProvider) {
          throw new PolicyError(
            `cannot install ${JSON.stringify(info.name)}: its plug ${JSON.stringify(plug.name)} needs the default provider ${JSON.stringify(name)}, which is not installed and not among the available snaps (${this.providerDir()})`,
          );
        }
        continue;
      }
      const sanitized = sanitizeSnap(source.info, registry).info;
      if (installedProvider && !hasLabel(sanitized)) continue;
      checkConfinementFlags(source.info, this.options);
      results.push(await this.install(source, chain));
    }
    return results;
  }

  providerDir(): string {
    return this.options.providerDir ?? this.paths.availableDir;
  }

  async available(): Promise<Awaited<ReturnType<typeof scanAvailable>>> {
    this.#available ??= await scanAvailable(this.providerDir());
    return this.#available;
  }
}
