import { ValidationError } from "../errors/index.js";
import { describeNode, isNull, parseYaml11, type YMap, type YNode } from "../yaml/index.js";
import {
  CONFINEMENTS,
  DAEMON_TYPES,
  SNAP_TYPES,
  type AppInfo,
  type AttrMap,
  type AttrValue,
  type Confinement,
  type DaemonType,
  type HookInfo,
  type PlugInfo,
  type SnapInfo,
  type SnapType,
} from "./info.js";
import {
  isSupportedHook,
  isValidAppContent,
  isValidAppName,
  isValidEnvName,
  isValidHookName,
  isValidInterfaceName,
  isValidPlugName,
  isValidVersion,
  snapNameProblem,
} from "./names.js";

/**
 * "snap.yaml" is the installed metadata and is checked as snapd checks it.
 * "snapcraft.yaml" is the build recipe: the same sections, plus build-only keys
 * that are ignored, and a version that may be filled in at build time.
 */
export type MetadataFlavour = "snap.yaml" | "snapcraft.yaml";

export interface ParseOptions {
  /** Shown in every error message. */
  readonly file: string;
  readonly flavour?: MetadataFlavour;
}

export function parseSnapYaml(text: string, options: ParseOptions): SnapInfo {
  const root = parseYaml11(text, options.file);
  return snapInfoFromYaml(root, options);
}

class Ctx {
  constructor(
    readonly file: string,
    readonly flavour: MetadataFlavour,
  ) {}
  fail(field: string, message: string, value?: unknown): never {
    throw new ValidationError(message, { file: this.file, field, value });
  }
  map(n: YNode | undefined, field: string): YMap | undefined {
    if (isNull(n)) return undefined;
    if (n!.kind !== "map") this.fail(field, `expected a map, found ${describeNode(n!)}`);
    return n as YMap;
  }
  /** A Go string field: any scalar, read as its source text. */
  str(n: YNode | undefined, field: string): string | undefined {
    if (isNull(n)) return undefined;
    if (n!.kind !== "scalar") this.fail(field, `expected a string, found ${describeNode(n!)}`);
    return (n as { source: string }).source;
  }
  strList(n: YNode | undefined, field: string): string[] {
    if (isNull(n)) return [];
    if (n!.kind !== "seq") this.fail(field, `expected a list of names, found ${describeNode(n!)}`);
    return n!.items.map((item, i) => {
      if (item.kind !== "scalar" || item.value === null) {
        this.fail(`${field}[${i}]`, `expected a name, found ${describeNode(item)}`);
      }
      return item.source;
    });
  }
  oneOf<T extends string>(n: YNode | undefined, field: string, allowed: readonly T[]): T | undefined {
    const v = this.str(n, field);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) {
      this.fail(field, `invalid value ${JSON.stringify(v)}; expected one of ${allowed.join(", ")}`, v);
    }
    return v as T;
  }
  environment(n: YNode | undefined, field: string): Record<string, string> {
    const m = this.map(n, field);
    if (!m) return {};
    const out: [string, string][] = [];
    for (const [k, v] of m.entries) {
      if (!isValidEnvName(k)) this.fail(`${field}.${JSON.stringify(k)}`, "invalid environment variable name: use letters, digits and underscores, not starting with a digit", k);
      if (v.kind !== "scalar") this.fail(`${field}.${k}`, `expected a string, found ${describeNode(v)}`);
      if (v.value !== null && v.source.includes("\0")) this.fail(`${field}.${k}`, "environment value contains a NUL character");
      out.push([k, v.value === null ? "" : v.source]);
    }
    return Object.fromEntries(out);
  }
}

interface DraftPlugOrSlot {
  name: string;
  interface: string;
  attrs: AttrMap;
  label?: string;
  apps: Set<string>;
  hooks: Set<string>;
  global: boolean;
}

export function snapInfoFromYaml(root: YNode | null, options: ParseOptions): SnapInfo {
  const c: Ctx = new Ctx(options.file, options.flavour ?? "snap.yaml");
  const top = c.map(root ?? undefined, "(top level)");
  if (!top) c.fail("", "document is empty");
  const f = (k: string) => top.entries.get(k);

  const name = c.str(f("name"), "name");
  if (name === undefined) c.fail("name", "missing required field");
  const nameProblem = snapNameProblem(name);
  if (nameProblem) c.fail("name", `invalid snap name ${JSON.stringify(name)}: ${nameProblem}`, name);

  const version = c.str(f("version"), "version");
  if (version === undefined && c.flavour === "snap.yaml") c.fail("version", "missing required field");
  if (version !== undefined && c.flavour === "snap.yaml" && !isValidVersion(version)) {
    c.fail(
      "version",
      `invalid snap version ${JSON.stringify(version)}: 1 to 32 letters, digits and ".+~-:", starting and ending with a letter or digit`,
      version,
    );
  }
  const type: SnapType = c.oneOf(f("type"), "type", SNAP_TYPES) ?? "app";
  const confinement: Confinement = c.oneOf(f("confinement"), "confinement", CONFINEMENTS) ?? "strict";
  const grade = c.oneOf(f("grade"), "grade", ["stable", "devel"] as const);
  const base = c.str(f("base"), "base");
  if (base !== undefined) {
    const p = snapNameProblem(base);
    if (p) c.fail("base", `invalid base snap name ${JSON.stringify(base)}: ${p}`, base);
  }
  const summary = c.str(f("summary"), "summary");
  const environment = c.environment(f("environment"), "environment");

  const plugs = readPlugsOrSlots(c, "plug", f("plugs"));
  const slots = readPlugsOrSlots(c, "slot", f("slots"));

  const apps: Record<string, { info: Omit<AppInfo, "plugs" | "slots">; plugs: Set<string>; slots: Set<string> }> = {};
  const appsMap = c.map(f("apps"), "apps");
  for (const [appName, appNode] of appsMap?.entries ?? []) {
    const field = `apps.${appName}`;
    if (!isValidAppName(appName)) {
      c.fail(field, `invalid app name ${JSON.stringify(appName)}: use letters, digits and single hyphens, starting and ending with a letter or digit`, appName);
    }
    const app = c.map(appNode, field);
    const g = (k: string) => app?.entries.get(k);
    const command = c.str(g("command"), `${field}.command`);
    if (command !== undefined && c.flavour === "snap.yaml" && !isValidAppContent(command)) {
      c.fail(`${field}.command`, `command ${JSON.stringify(command)} contains characters outside [A-Za-z0-9/. _#:$-]`, command);
    }
    const daemon: DaemonType | undefined = c.oneOf(g("daemon"), `${field}.daemon`, DAEMON_TYPES);
    const entry = {
      info: { name: appName, command, daemon, environment: c.environment(g("environment"), `${field}.environment`) },
      plugs: new Set<string>(),
      slots: new Set<string>(),
    };
    apps[appName] = entry;
    bindNames(c, `${field}.plugs`, c.strList(g("plugs"), `${field}.plugs`), plugs, "plug", (p) => {
      p.apps.add(appName);
      entry.plugs.add(p.name);
    });
    bindNames(c, `${field}.slots`, c.strList(g("slots"), `${field}.slots`), slots, "slot", (s) => {
      s.apps.add(appName);
      entry.slots.add(s.name);
    });
  }

  const hooks: Record<string, { name: string; environment: Record<string, string>; plugs: Set<string>; slots: Set<string> }> = {};
  const hooksMap = c.map(f("hooks"), "hooks");
  for (const [hookName, hookNode] of hooksMap?.entries ?? []) {
    const field = `hooks.${hookName}`;
    // snapd skips hooks it does not support (whatever their spelling) rather than refusing the snap.
    if (!isSupportedHook(hookName)) continue;
    if (!isValidHookName(hookName)) c.fail(field, `invalid hook name ${JSON.stringify(hookName)}`, hookName);
    const hook = c.map(hookNode, field);
    const g = (k: string) => hook?.entries.get(k);
    const entry = {
      name: hookName,
      environment: c.environment(g("environment"), `${field}.environment`),
      plugs: new Set<string>(),
      slots: new Set<string>(),
    };
    hooks[hookName] = entry;
    bindNames(c, `${field}.plugs`, c.strList(g("plugs"), `${field}.plugs`), plugs, "plug", (p) => {
      p.hooks.add(hookName);
      entry.plugs.add(p.name);
    });
    bindNames(c, `${field}.slots`, c.strList(g("slots"), `${field}.slots`), slots, "slot", (s) => {
      s.hooks.add(hookName);
      entry.slots.add(s.name);
    });
  }

  if (hooks["default-configure"] && !hooks["configure"]) {
    c.fail("hooks.default-configure", 'cannot specify "default-configure" hook without "configure" hook');
  }

  // A top-level plug or slot that no app or hook names serves them all.
  for (const p of plugs.values()) {
    if (!p.global || p.apps.size > 0 || p.hooks.size > 0) continue;
    for (const a of Object.values(apps)) {
      a.plugs.add(p.name);
      p.apps.add(a.info.name);
    }
    for (const h of Object.values(hooks)) {
      h.plugs.add(p.name);
      p.hooks.add(h.name);
    }
  }
  for (const s of slots.values()) {
    if (!s.global || s.apps.size > 0 || s.hooks.size > 0) continue;
    for (const a of Object.values(apps)) {
      a.slots.add(s.name);
      s.apps.add(a.info.name);
    }
    for (const h of Object.values(hooks)) {
      h.slots.add(s.name);
      s.hooks.add(h.name);
    }
  }

  for (const plugName of plugs.keys()) {
    if (slots.has(plugName)) c.fail(`plugs.${plugName}`, `cannot have plug and slot with the same name: ${JSON.stringify(plugName)}`, plugName);
  }

  const sorted = (s: Set<string>) => [...s].sort();
  const finish = (d: DraftPlugOrSlot): PlugInfo => ({
    snap: name,
    name: d.name,
    interface: d.interface,
    attrs: d.attrs,
    ...(d.label !== undefined ? { label: d.label } : {}),
    apps: sorted(d.apps),
    hooks: sorted(d.hooks),
  });
  const byName = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  return {
    name,
    ...(version !== undefined ? { version } : {}),
    type,
    ...(base !== undefined ? { base } : {}),
    confinement,
    ...(grade !== undefined ? { grade } : {}),
    ...(summary !== undefined ? { summary } : {}),
    environment,
    apps: byName(Object.entries(apps).map(([k, a]) => [k, { ...a.info, plugs: sorted(a.plugs), slots: sorted(a.slots) }])),
    hooks: byName(Object.entries(hooks).map(([k, h]) => [k, { ...h, plugs: sorted(h.plugs), slots: sorted(h.slots) } satisfies HookInfo])),
    plugs: byName([...plugs.entries()].map(([k, d]) => [k, finish(d)])),
    slots: byName([...slots.entries()].map(([k, d]) => [k, finish(d)])),
  };
}

function readPlugsOrSlots(c: Ctx, kind: "plug" | "slot", node: YNode | undefined): Map<string, DraftPlugOrSlot> {
  const section = `${kind}s`;
  const out = new Map<string, DraftPlugOrSlot>();
  if (isNull(node)) return out;
  const add = (name: string, field: string, def: YNode | undefined) => {
    if (!isValidPlugName(name)) {
      c.fail(field, `invalid ${kind} name ${JSON.stringify(name)}: use lowercase letters, digits and single hyphens, starting with a letter`, name);
    }
    if (out.has(name)) c.fail(field, `${kind} ${JSON.stringify(name)} is declared more than once`, name);
    out.set(name, { ...readDefinition(c, kind, name, field, def), apps: new Set(), hooks: new Set(), global: true });
  };
  if (node!.kind === "seq") {
    node!.items.forEach((item, i) => {
      if (item.kind !== "scalar" || item.value === null) c.fail(`${section}[${i}]`, `expected a ${kind} name, found ${describeNode(item)}`);
      add(item.source, `${section}[${i}]`, undefined);
    });
  } else if (node!.kind === "map") {
    for (const [name, def] of node!.entries) add(name, `${section}.${name}`, def);
  } else {
    c.fail(section, `expected a map or a list of ${kind} names, found ${describeNode(node!)}`);
  }
  return out;
}

function readDefinition(
  c: Ctx,
  kind: "plug" | "slot",
  name: string,
  field: string,
  node: YNode | undefined,
): { name: string; interface: string; attrs: AttrMap; label?: string } {
  if (node === undefined || isNull(node)) return { name, interface: checkIface(c, kind, name, field, name), attrs: {} };
  if (node.kind === "scalar") {
    const v = node.value;
    if (typeof v !== "string") {
      return c.fail(field, `${kind} ${JSON.stringify(name)} has a malformed definition: expected an interface name, found ${describeNode(node)}`);
    }
    return { name, interface: checkIface(c, kind, name, field, v), attrs: {} };
  }
  if (node.kind !== "map") return c.fail(field, `${kind} ${JSON.stringify(name)} has a malformed definition: found ${describeNode(node)}`);
  const def = node;
  let iface = name;
  let label: string | undefined;
  const attrs: [string, AttrValue][] = [];
  for (const [key, value] of def.entries) {
    const kf = `${field}.${key}`;
    if (def.nonStringKeys.has(key)) c.fail(kf, `${kind} ${JSON.stringify(name)} has an attribute name that is not a string: ${key}`);
    if (key.startsWith("$")) c.fail(kf, `${kind} ${JSON.stringify(name)} uses reserved attribute ${JSON.stringify(key)}`);
    if (key === "interface" || key === "label") {
      const v = value.kind === "scalar" ? value.value : null;
      if (typeof v !== "string") {
        return c.fail(kf, `${key} of ${kind} ${JSON.stringify(name)} must be a string, found ${describeNode(value)}`);
      }
      if (key === "interface") iface = v;
      else label = v;
      continue;
    }
    attrs.push([key, attrValue(c, kf, value)]);
  }
  return {
    name,
    interface: checkIface(c, kind, name, field, iface),
    attrs: Object.fromEntries(attrs),
    ...(label !== undefined ? { label } : {}),
  };
}

function checkIface(c: Ctx, kind: string, name: string, field: string, iface: string): string {
  if (!isValidInterfaceName(iface)) {
    c.fail(field, `invalid interface name ${JSON.stringify(iface)} for ${kind} ${JSON.stringify(name)}`, iface);
  }
  return iface;
}

/** Attribute values keep their YAML 1.1 types; null has no meaning to snapd and is refused. */
export function attrValue(c: { fail(field: string, msg: string): never }, field: string, n: YNode): AttrValue {
  switch (n.kind) {
    case "scalar":
      if (n.value === null) return c.fail(field, "attribute value cannot be null");
      if (typeof n.value === "number" && !Number.isFinite(n.value)) return c.fail(field, `attribute value ${n.source} is not a finite number`);
      return n.value;
    case "seq":
      return n.items.map((item, i) => attrValue(c, `${field}[${i}]`, item));
    case "map": {
      const entries: [string, AttrValue][] = [];
      for (const [k, v] of n.entries) {
        if (n.nonStringKeys.has(k)) c.fail(`${field}.${k}`, `attribute map key ${k} is not a string`);
        entries.push([k, attrValue(c, `${field}.${k}`, v)]);
      }
      return Object.fromEntries(entries);
    }
  }
}

function bindNames(
  c: Ctx,
  field: string,
  names: string[],
  declared: Map<string, DraftPlugOrSlot>,
  kind: "plug" | "slot",
  bind: (d: DraftPlugOrSlot) => void,
): void {
  names.forEach((n, i) => {
    let d = declared.get(n);
    if (!d) {
      // Naming an undeclared plug or slot declares one of the interface of that name.
      if (!isValidPlugName(n)) c.fail(`${field}[${i}]`, `invalid ${kind} name ${JSON.stringify(n)}`, n);
      d = { name: n, interface: n, attrs: {}, apps: new Set(), hooks: new Set(), global: false };
      declared.set(n, d);
    }
    bind(d);
  });
}
