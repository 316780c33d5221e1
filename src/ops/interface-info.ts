import type { InterfaceModule } from "../iface/index.js";
import { checkConnection, type Declaration, type PolicyEndpoint } from "../policy/index.js";

export type Tristate = "yes" | "no" | "depends on attributes";

export interface InterfaceSummary {
  readonly name: string;
  readonly summary: string;
  /** Whether an app snap's plug auto-connects on a classic system (by the base declaration alone). */
  readonly autoConnect: Tristate;
  /** Whether installing a snap that plugs it needs a snap-declaration. */
  readonly superPrivileged: boolean;
  readonly transitional: boolean;
  readonly implicitOn: { readonly core: boolean; readonly classic: boolean };
  /** Where the system snap has a plug of it instead (the host consuming a snap's driver libraries). */
  readonly implicitPlugOn: { readonly core: boolean; readonly classic: boolean };
  readonly attributes: { readonly plug: readonly string[]; readonly slot: readonly string[] };
}

function mentionsAttributes(v: unknown): boolean {
  return JSON.stringify(v ?? null).includes("-attributes");
}

/** What `plugboard interface` and docs/interfaces.md say of one interface. */
export function summarizeInterface(m: InterfaceModule, base: Declaration): InterfaceSummary {
  const side = base.plugs.has(m.name) ? m.baseDeclaration.plugs : m.baseDeclaration.slots;
  const slotOnCore = m.implicitOn.classic || m.implicitOn.core;
  const ep = (snap: string, snapType: PolicyEndpoint["snapType"]): PolicyEndpoint => ({ snap, snapType, snapId: `${snap}-id`, publisherId: `${snap}-pub`, name: m.name, interface: m.name, attrs: {} });
  const none: Declaration = { plugs: new Map(), slots: new Map() };
  const d = checkConnection("auto-connection", {
    plug: ep("consumer", "app"),
    slot: slotOnCore ? ep("core", "core") : ep("provider", "app"),
    plugDeclaration: none,
    slotDeclaration: none,
    base,
    device: { classic: true },
  });
  const autoRules = side ? { a: side["allow-auto-connection"], d: side["deny-auto-connection"] } : {};
  const plugRule = base.plugs.get(m.name);
  const install = plugRule?.["allow-installation"].alternatives;
  return {
    name: m.name,
    summary: m.summary,
    autoConnect: mentionsAttributes(autoRules) ? "depends on attributes" : d.allowed ? "yes" : "no",
    superPrivileged: install !== undefined && !(install.length === 1 && Object.keys(install[0]!).length === 0),
    transitional: m.transitional === true,
    implicitOn: m.implicitOn,
    implicitPlugOn: m.implicitPlugOn ?? { core: false, classic: false },
    attributes: { plug: Object.keys(m.examples?.plug ?? {}).sort(), slot: Object.keys(m.examples?.slot ?? {}).sort() },
  };
}

/** docs/interfaces.md, generated from the modules. */
export function interfacesMarkdown(modules: readonly InterfaceModule[], base: Declaration): string {
  const rows = modules.map((m) => summarizeInterface(m, base)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const yn = (b: boolean) => (b ? "yes" : "no");
  return [
    "# Supported interfaces",
    "",
    "Generated from the modules in `interfaces/`; a test fails when this file is stale",
    "(regenerate with `UPDATE_DOCS=1 npx vitest run test/docs.test.ts`).",
    "",
    "Auto-connect: whether an app snap's plug connects automatically on a classic",
    "system under the base declaration alone. Super-privileged: installing a snap",
    "that plugs it needs a snap-declaration. Implicit: whether the system snap",
    "has a slot of it (\"plug:\" where it has a plug instead).",
    "",
    "| interface | summary | auto-connect | super-privileged | transitional | implicit on core / classic |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.name} | ${r.summary} | ${r.autoConnect} | ${yn(r.superPrivileged)} | ${yn(r.transitional)} | ${implicitCell(r)} |`),
    "",
  ].join("\n");
}

function implicitCell(r: InterfaceSummary): string {
  const yn = (b: boolean) => (b ? "yes" : "no");
  const plug = r.implicitPlugOn.core || r.implicitPlugOn.classic;
  const on = plug ? r.implicitPlugOn : r.implicitOn;
  return `${plug ? "plug: " : ""}${yn(on.core)} / ${yn(on.classic)}`;
}
