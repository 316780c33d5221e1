import { promises as fs } from "node:fs";
import path from "node:path";
import { builtinInterfaces, builtinRegistry } from "../../interfaces/index.js";
import { AssertionDatabase, type Assertion } from "../asserts/index.js";
import { parseDeviceYaml, type DeviceInfo } from "../device/index.js";
import { PlugboardError, StateError } from "../errors/index.js";
import { readIfExists } from "../files/index.js";
import { makeRegistry, type InterfaceRegistry } from "../iface/index.js";
import type { Paths } from "../paths/index.js";
import { Repository, type Connection } from "../repo/index.js";
import { compileDeclaration } from "../policy/index.js";
import { parseGadgetConnections, parseSnapYaml, type GadgetConnection } from "../snap/index.js";
import { canonicalJson, readState, withStateLock, writeState, type ConnectionState, type State } from "../state/index.js";
import { applyDiff, diffPlans, type ApplyReport, type FileDiff } from "../apply/index.js";
import { planSnap, type SnapPlan } from "../plan/index.js";
import { snapFilesOf } from "./snap-files.js";
import { seccompCompiler } from "./seccomp.js";
import { probeHostFeatures } from "../system/index.js";
import { loadCustomInterfaces } from "./custom-interfaces.js";
import { makePolicyView, type PolicyView, type SnapIdentity } from "./policy-view.js";

/** Everything a command needs to answer a question or make a change. */
export interface LoadedSystem {
  readonly paths: Paths;
  readonly device: DeviceInfo;
  readonly registry: InterfaceRegistry;
  readonly state: State;
  readonly repo: Repository;
  readonly assertions: AssertionDatabase;
  /** Snap ids, publishers and declarations of installed snaps; changes as a command installs snaps. */
  readonly identities: Map<string, SnapIdentity>;
  readonly policy: PolicyView;
  /** The installed gadget's `connections:`, made before auto-connections. */
  gadgetConnections: readonly GadgetConnection[];
  /** Set for --dry-run: nothing may be written. */
  dryRun: boolean;
  /** Custom interface definitions that were skipped, and why. */
  readonly customProblems: readonly string[];
}

export async function loadDevice(paths: Paths): Promise<DeviceInfo> {
  return parseDeviceYaml(await readIfExists(paths.deviceFile), paths.deviceFile);
}

export async function loadSystem(paths: Paths): Promise<LoadedSystem> {
  const [deviceFile, state, assertions] = await Promise.all([loadDevice(paths), readState(paths), AssertionDatabase.open(paths)]);
  const device = withModelAssertion(deviceFile, assertions.find("model"));
  const custom = await loadCustomInterfaces(paths, builtinInterfaces, device);
  const registry = custom.modules.length ? makeRegistry([...builtinInterfaces, ...custom.modules]) : builtinRegistry();
  const repo = new Repository(registry, device);
  await Promise.all(
    Object.entries(state.snaps).map(async ([name, s]) => {
      const file = path.join(paths.snapRevisionDir(name, s.revision), "snap.yaml");
      const text = await readIfExists(file);
      if (text === undefined) {
        throw new StateError(`metadata of installed snap ${JSON.stringify(name)} is missing (${file}); reinstall the snap`);
      }
      try {
        repo.addSnap(parseSnapYaml(text, { file }), s.revision);
      } catch (e) {
        if (e instanceof PlugboardError) throw new StateError(`metadata of installed snap ${JSON.stringify(name)} is unreadable: ${e.message}`);
        throw e;
      }
    }),
  );
  for (const [key, c] of Object.entries(state.connections)) repo.restoreConnection(connectionFromState(key, c));
  const identities = new Map<string, SnapIdentity>();
  for (const [name, s] of Object.entries(state.snaps)) {
    if (s["snap-id"] === undefined) continue;
    const decl = assertions.find("snap-declaration", { "snap-id": s["snap-id"] })[0];
    identities.set(name, identityFrom(s["snap-id"], s["publisher-id"], decl));
  }
  const policy = makePolicyView(repo, registry, device, identities);
  let gadgetConnections: GadgetConnection[] = [];
  for (const snap of repo.snaps()) {
    if (snap.info.type !== "gadget" || snap.isSystem) continue;
    const file = path.join(paths.snapRevisionDir(snap.info.name, snap.revision), "gadget.yaml");
    const text = await readIfExists(file);
    if (text !== undefined) gadgetConnections = parseGadgetConnections(text, file);
  }
  return { paths, device, registry, state, repo, assertions, identities, policy, gadgetConnections, dryRun: false, customProblems: custom.problems };
}

/**
 * Device scope may also come from an acknowledged model assertion: the one
 * naming device.yaml's brand and model, or the only one when device.yaml names
 * none. device.yaml's own values win.
 */
export function withModelAssertion(device: DeviceInfo, models: readonly Assertion[]): DeviceInfo {
  const str = (a: Assertion, h: string) => (typeof a.headers[h] === "string" ? (a.headers[h] as string) : undefined);
  const model =
    device.brand !== undefined && device.model !== undefined
      ? models.find((m) => str(m, "brand-id") === device.brand && str(m, "model") === device.model)
      : device.brand === undefined && device.model === undefined && models.length === 1
        ? models[0]
        : undefined;
  if (!model) return device;
  const store = device.store ?? str(model, "store");
  return { ...device, brand: device.brand ?? str(model, "brand-id")!, model: device.model ?? str(model, "model")!, ...(store !== undefined ? { store } : {}) };
}

/** A snap's identity from its snap-declaration (rules compiled; they were validated when acknowledged). */
export function identityFrom(snapId: string, publisherId: string | undefined, decl: Assertion | undefined): SnapIdentity {
  const where = `snap-declaration for snap-id ${snapId}`;
  return {
    snapId,
    ...(publisherId !== undefined ? { publisherId } : {}),
    ...(decl ? { declaration: compileDeclaration(decl.headers["plugs"], decl.headers["slots"], where) } : {}),
  };
}

export function connectionFromState(key: string, c: ConnectionState): Connection {
  const [plug, slot] = key.split(" ") as [string, string];
  const [plugSnap, plugName] = plug.split(":") as [string, string];
  const [slotSnap, slotName] = slot.split(":") as [string, string];
  return {
    plug: { snap: plugSnap, name: plugName },
    slot: { snap: slotSnap, name: slotName },
    interface: c.interface,
    auto: c.auto,
    byGadget: c["by-gadget"],
    undesired: c.undesired,
    plugStatic: c["plug-static"],
    slotStatic: c["slot-static"],
  };
}

export function connectionsToState(repo: Repository): Record<string, ConnectionState> {
  return Object.fromEntries(
    repo.connections().map((c) => [
      `${c.plug.snap}:${c.plug.name} ${c.slot.snap}:${c.slot.name}`,
      {
        interface: c.interface,
        auto: c.auto,
        "by-gadget": c.byGadget,
        undesired: c.undesired,
        "plug-static": c.plugStatic,
        "slot-static": c.slotStatic,
      },
    ]),
  );
}

export interface Mutation<T> {
  readonly state: State;
  readonly result: T;
  /** Runs after the new state is durable (e.g. deleting superseded files). */
  readonly afterCommit?: () => Promise<void>;
}

export interface MutateOptions {
  /** Compute and report the file changes; write and load nothing. */
  readonly dryRun?: boolean;
}

/** What a change did (or, for a dry run, would do) to the generated files. */
export interface FileChanges {
  readonly dryRun: boolean;
  readonly diff: FileDiff;
  readonly report?: ApplyReport;
}

/**
 * Load, change, render, apply and save under the state lock, as one
 * transaction: the change function works in memory (and may write new snap
 * metadata); the affected snaps' files are re-rendered, written, compiled and
 * loaded, and rolled back if any tool fails; state is written last, so a
 * failure leaves the old state and the old profiles in force.
 */
export async function mutateSystem<T>(
  paths: Paths,
  change: (sys: LoadedSystem) => Promise<Mutation<T>>,
  options: MutateOptions = {},
): Promise<T & { files: FileChanges }> {
  return withStateLock(paths, async () => {
    const sys = await loadSystem(paths);
    sys.dryRun = options.dryRun === true;
    let m: Mutation<T>;
    let diff: FileDiff;
    try {
      m = await change(sys);
      const plans = new Map<string, SnapPlan>();
      const host = await probeHostFeatures();
      for (const name of affectedSnaps(sys.state, m.state)) {
        const snap = sys.repo.snap(name);
        plans.set(name, snap ? planSnap(paths, sys.repo, sys.registry, snap, host, snapFilesOf(paths, m.state)) : new Map());
      }
      diff = await diffPlans(paths, plans, sys.device.systemSnap);
      if (options.dryRun) return { ...m.result, files: { dryRun: true, diff } };
      // Skipped custom interface definitions are reported through `plugboard warnings`.
      const finalState = sys.customProblems.reduce((st, p) => addWarning(st, p, new Date()), m.state);
      const report = await applyDiff(paths, diff, {
        compileSeccomp: seccompCompiler(paths),
        // Saved as the transaction's last step: when the state cannot be written
        // (a full disk), the files are rolled back too instead of running ahead of it.
        commit: async () => {
          if (finalState !== sys.state) await writeState(paths, finalState);
        },
      });
      await m.afterCommit?.();
      await removeUnreferencedRevisions(paths, m.state);
      return { ...m.result, files: { dryRun: false, diff, report } };
    } catch (e) {
      // New metadata written for a revision that never became current.
      if (!options.dryRun) await removeUnreferencedRevisions(paths, sys.state).catch(() => undefined);
      throw e;
    }
  });
}

/**
 * Snaps whose files may change: those installed, refreshed or removed with
 * every snap connected to them (a peer's rules name the snap's revision, as
 * a content consumer's mounts do), and both ends of every changed connection.
 */
export function affectedSnaps(before: State, after: State): Set<string> {
  const out = new Set<string>();
  // Compared as canonical JSON: state read from disk has sorted keys while
  // connectionsToState builds them in another order, and a plain
  // JSON.stringify comparison made every connected snap look changed on every
  // connect (re-rendering them all, and hiding that peers of a refreshed snap
  // were only re-rendered by that accident).
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  const ends = (key: string): [string, string] => {
    const [plug, slot] = key.split(" ") as [string, string];
    return [plug.split(":")[0]!, slot.split(":")[0]!];
  };
  const keys = new Set([...Object.keys(before.connections), ...Object.keys(after.connections)]);
  for (const name of new Set([...Object.keys(before.snaps), ...Object.keys(after.snaps)])) {
    if (same(before.snaps[name], after.snaps[name])) continue;
    out.add(name);
    for (const key of keys) {
      const [p, s] = ends(key);
      if (p === name || s === name) out.add(p).add(s);
    }
  }
  for (const key of keys) {
    if (same(before.connections[key], after.connections[key])) continue;
    const [p, s] = ends(key);
    out.add(p).add(s);
  }
  return out;
}

async function removeUnreferencedRevisions(paths: Paths, state: State): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(paths.snapsDir);
  } catch {
    return;
  }
  for (const name of names) {
    const current = state.snaps[name]?.revision;
    const dir = path.join(paths.snapsDir, name);
    const revisions = await fs.readdir(dir).catch(() => [] as string[]);
    for (const rev of revisions) if (rev !== current) await fs.rm(path.join(dir, rev), { recursive: true, force: true });
    if (current === undefined) await fs.rm(dir, { recursive: true, force: true });
  }
}

export function addWarning(state: State, message: string, now: Date): State {
  const at = now.toISOString();
  const existing = state.warnings.find((w) => w.message === message);
  const warnings = existing
    ? state.warnings.map((w) => (w === existing ? { ...w, "last-added": at } : w))
    : [...state.warnings, { message, "first-added": at, "last-added": at }];
  return { ...state, warnings };
}
