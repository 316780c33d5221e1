import type { DeviceInfo } from "../device/index.js";
import type { InterfaceRegistry } from "../iface/index.js";
import { composeBaseDeclaration, type Declaration, type DeviceScope, type PolicyEndpoint, type PolicySnapType } from "../policy/index.js";
import type { Repository } from "../repo/index.js";
import type { PlugInfo, SlotInfo, SnapType } from "../snap/index.js";

/** What the policy engine knows about one installed snap beyond its metadata. */
export interface SnapIdentity {
  readonly snapId?: string;
  readonly publisherId?: string;
  /** Present when the snap was installed with a snap-declaration (the system snap always is). */
  readonly declaration?: Declaration;
}

/** Everything a policy check needs, built once per command. */
export interface PolicyView {
  readonly base: Declaration;
  readonly device: DeviceScope;
  identity(snap: string): SnapIdentity;
  endpoint(p: PlugInfo | SlotInfo): PolicyEndpoint;
}

const NO_RULES: Declaration = { plugs: new Map(), slots: new Map() };

export function policySnapType(t: SnapType, isSystem: boolean): PolicySnapType {
  if (isSystem || t === "os") return "core";
  return t;
}

export function deviceScope(device: DeviceInfo): DeviceScope {
  return {
    classic: device.mode === "classic",
    ...(device.brand !== undefined ? { brand: device.brand } : {}),
    ...(device.model !== undefined ? { model: device.model } : {}),
    ...(device.store !== undefined ? { store: device.store } : {}),
  };
}

let cachedBase: { registry: InterfaceRegistry; base: Declaration } | undefined;

/** The base declaration is the same for a given registry; compose it once. */
export function baseDeclarationOf(registry: InterfaceRegistry): Declaration {
  if (cachedBase?.registry !== registry) cachedBase = { registry, base: composeBaseDeclaration(registry.all()) };
  return cachedBase.base;
}

export function makePolicyView(
  repo: Repository,
  registry: InterfaceRegistry,
  device: DeviceInfo,
  identities: ReadonlyMap<string, SnapIdentity>,
): PolicyView {
  const identity = (snap: string): SnapIdentity => {
    const name = repo.canonicalSnap(snap);
    // The system snap always counts as declared, with no rules of its own.
    if (name === repo.systemSnapName) return { declaration: NO_RULES };
    return identities.get(name) ?? {};
  };
  return {
    base: baseDeclarationOf(registry),
    device: deviceScope(device),
    identity,
    endpoint: (p) => {
      const snap = repo.snap(p.snap);
      const id = identity(p.snap);
      return {
        snap: p.snap,
        snapType: policySnapType(snap?.info.type ?? "app", snap?.isSystem ?? false),
        ...(id.snapId !== undefined ? { snapId: id.snapId } : {}),
        ...(id.publisherId !== undefined ? { publisherId: id.publisherId } : {}),
        name: p.name,
        interface: p.interface,
        attrs: p.attrs,
      };
    },
  };
}
