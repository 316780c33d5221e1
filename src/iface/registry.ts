import type { InterfaceModule } from "./types.js";

/** The interfaces this build knows, by name. */
export interface InterfaceRegistry {
  get(name: string): InterfaceModule | undefined;
  all(): readonly InterfaceModule[];
}

export function makeRegistry(modules: readonly InterfaceModule[]): InterfaceRegistry {
  const byName = new Map<string, InterfaceModule>();
  for (const m of modules) {
    if (byName.has(m.name)) throw new Error(`interface ${JSON.stringify(m.name)} is registered twice`);
    byName.set(m.name, m);
  }
  const sorted = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { get: (n) => byName.get(n), all: () => sorted };
}
