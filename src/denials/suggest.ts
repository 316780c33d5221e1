import type { DeviceMode } from "../device/index.js";
import type { ConnectedContext, InterfaceRegistry } from "../iface/index.js";
import { snippetText } from "../iface/index.js";
import type { SnapInfo } from "../snap/index.js";
import type { Denial } from "./parse.js";

// Which interface's connected-plug snippet would grant a denied access: the
// rules are rendered with each module's example attributes and matched
// against the denial.

interface FileRule {
  readonly re: RegExp;
  readonly perms: string;
  /** How many fixed characters the glob has: `/var/log/**` beats `/**`. */
  readonly literal: number;
}

interface Grants {
  readonly files: FileRule[];
  readonly capabilities: Set<string>;
  readonly syscalls: Set<string>;
  readonly networkFamilies: Set<string>;
  readonly dbus: { bus?: string; path?: RegExp }[];
}

const VARIABLES: Record<string, string> = { PROC: "/proc/", pid: "[0-9]+", tid: "[0-9]+", HOME: "/(?:home/[^/]+|root)", SNAP_NAME: "[a-z0-9-]+", SNAP_REVISION: "[a-z0-9]+", multiarch: "[^/]+" };

/** An AppArmor path glob as a regular expression (globs, alternations and the common variables). */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "@" && glob[i + 1] === "{") {
      const end = glob.indexOf("}", i);
      const v = glob.slice(i + 2, end);
      re += VARIABLES[v] ?? "[^/]+";
      i = end;
    } else if (c === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i);
      re += `[${glob.slice(i + 1, end).replace(/^\^/, "^").replace(/\\/g, "\\\\")}]`;
      i = end;
    } else if (c === "{") {
      re += "(?:";
      depth++;
    } else if (c === "}" && depth > 0) {
      re += ")";
      depth--;
    } else if (c === "," && depth > 0) re += "|";
    else re += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re.replace(/\/\//g, "/")}$`);
}

/**
 * How specific an AppArmor glob is: its fixed characters, not counting
 * wildcards, variables or alternation syntax. A longer regular expression is
 * not a narrower one (`/**` becomes `^/.*$`, shorter than `^/var/log/.*$` but
 * far broader), so rank by what the glob pins down.
 */
export function globSpecificity(glob: string): number {
  return glob.replace(/@\{[^}]*\}/g, "").replace(/\[[^\]]*\]/g, "").replace(/[*?{},]/g, "").length;
}

function grantsOf(text: string, seccomp: string): Grants {
  const files: FileRule[] = [];
  const capabilities = new Set<string>();
  const networkFamilies = new Set<string>();
  const dbus: { bus?: string; path?: RegExp }[] = [];
  for (const raw of text.split("\n")) {
    const l = raw.trim().replace(/^owner\s+/, "");
    let m = /^(\/\S*|@\{\S*)\s+([rwaklmixuUpPcC]+),$/.exec(l) ?? /^"(\/[^"]*)"\s+([rwaklmix]+),$/.exec(l);
    if (m) {
      try {
        files.push({ re: globToRegExp(m[1]!), perms: m[2]!, literal: globSpecificity(m[1]!) });
      } catch {
        // A rule we cannot translate simply suggests nothing.
      }
      continue;
    }
    m = /^capability\s+([a-z_]+),$/.exec(l);
    if (m) capabilities.add(m[1]!);
    if (/^capability,$/.test(l)) capabilities.add("*");
    m = /^network\s+([a-z0-9]+)/.exec(l);
    if (m) networkFamilies.add(m[1]!);
    if (l.startsWith("dbus")) {
      const bus = /\bbus=([a-z]+)/.exec(l)?.[1];
      const p = /\bpath=(\S+?)(?=[\s,)]*$|\s)/.exec(l)?.[1];
      try {
        dbus.push({ ...(bus ? { bus } : {}), ...(p ? { path: globToRegExp(p) } : {}) });
      } catch {
        // Not a path we can translate: no suggestion from this rule.
      }
    }
  }
  const syscalls = new Set(
    seccomp
      .split("\n")
      .map((l) => l.trim().split(/\s+/)[0] ?? "")
      .filter((s) => /^[a-z0-9_]+$/.test(s)),
  );
  return { files, capabilities, syscalls, networkFamilies, dbus };
}

const permsCover = (granted: string, wanted: string) => [...wanted].every((c) => granted.includes(c) || (c === "a" && granted.includes("w")) || (c === "c" && granted.includes("w")) || (c === "d" && granted.includes("w")));

function dummyContext(name: string, registry: InterfaceRegistry, mode: DeviceMode): ConnectedContext {
  const m = registry.get(name)!;
  const snap = (n: string): SnapInfo => ({ name: n, type: "app", confinement: "strict", environment: {}, apps: {}, hooks: {}, plugs: {}, slots: {} });
  const plug = { snap: "consumer", name, interface: name, attrs: m.examples?.plug ?? {}, apps: ["app"], hooks: [] };
  const slot = { snap: "core", name, interface: name, attrs: m.examples?.slot ?? {}, apps: [], hooks: [] };
  return { plug, slot, plugSnap: snap("consumer"), slotSnap: snap("core"), plugRevision: "x1", slotRevision: "x1", plugLabel: '"snap.consumer.app"', slotLabel: '"unconfined"', slotIsSystem: true, mode };
}

let cache: { registry: InterfaceRegistry; mode: DeviceMode; grants: Map<string, Grants> } | undefined;

function allGrants(registry: InterfaceRegistry, mode: DeviceMode): Map<string, Grants> {
  if (cache?.registry === registry && cache.mode === mode) return cache.grants;
  const grants = new Map<string, Grants>();
  for (const m of registry.all()) {
    if (!m.connectedPlug) continue;
    try {
      const ctx = dummyContext(m.name, registry, mode);
      const sanitized = { ...ctx, plug: { ...ctx.plug, attrs: m.sanitizePlug ? m.sanitizePlug(ctx.plug) : ctx.plug.attrs }, slot: { ...ctx.slot, attrs: m.sanitizeSlot && m.examples?.slot ? m.sanitizeSlot(ctx.slot) : ctx.slot.attrs } };
      grants.set(m.name, grantsOf(snippetText(m.connectedPlug.apparmor, sanitized), snippetText(m.connectedPlug.seccomp, sanitized)));
    } catch {
      // A module whose snippets need attributes it has no example for cannot be matched.
    }
  }
  cache = { registry, mode, grants };
  return grants;
}

/**
 * Interfaces whose connected plug would grant the denied access, most
 * specific first, as rendered for a device of this mode.
 */
export function interfacesGranting(d: Denial, registry: InterfaceRegistry, mode: DeviceMode = "classic"): string[] {
  const out: [string, number][] = [];
  for (const [name, g] of allGrants(registry, mode)) {
    let score = 0;
    switch (d.kind) {
      case "file": {
        const wanted = d.mask.replace(/[^rwaklmixcd]/g, "") || "r";
        for (const r of g.files) if (r.re.test(d.path) && permsCover(r.perms, wanted)) score = Math.max(score, 100 + r.literal);
        break;
      }
      case "capability":
        if (g.capabilities.has(d.capability)) score = 900;
        else if (g.capabilities.has("*")) score = 1;
        break;
      case "syscall":
        if (g.syscalls.has(d.syscall)) score = 900 - g.syscalls.size;
        break;
      case "network":
        if (g.networkFamilies.has(d.family)) score = 900;
        break;
      case "dbus":
        // Only rules that name a path count: a rule for any path says nothing about this one.
        if (g.dbus.some((r) => r.path !== undefined && (r.bus === undefined || r.bus === d.bus) && r.path.test(d.path))) score = 900;
        break;
    }
    if (score > 0) out.push([name, score]);
  }
  // Broad, super-privileged grants match everything; list the precise ones first.
  return out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
}
