import { readFile } from "node:fs/promises";
import { interfacesGranting, parseDenials, splitTag, type Denial } from "../denials/index.js";
import type { Paths } from "../paths/index.js";
import { readKernelLog } from "../system/index.js";
import { loadSystem } from "./system.js";

export interface DenialReport {
  readonly snap: string;
  readonly app: string;
  readonly access: string;
  readonly count: number;
  /** What to do: connect a plug the snap has, or which interface would grant it. */
  readonly suggestion: string;
  readonly interfaces: readonly string[];
}

export function describeAccess(d: Denial): string {
  switch (d.kind) {
    case "file":
      return `${d.operation} ${d.path} (${d.mask})`;
    case "capability":
      return `capability ${d.capability}`;
    case "dbus":
      return `D-Bus ${d.bus} ${d.iface}.${d.member} on ${d.path}${d.peer ? ` (${d.peer})` : ""}`;
    case "network":
      return `socket ${d.family} ${d.sockType}`.trim();
    case "syscall":
      return `system call ${d.syscall} (seccomp)`;
  }
}

/** `denials [SNAP...] [--since] [--file]`: denials grouped by snap and app, each with the interface that would grant it. */
export async function reportDenials(paths: Paths, opts: { since?: string; file?: string; snaps?: readonly string[] } = {}): Promise<DenialReport[]> {
  const text = opts.file ? await readFile(opts.file, "utf8") : await readKernelLog(opts.since);
  const sys = await loadSystem(paths);
  const grouped = new Map<string, { d: Denial; count: number }>();
  for (const d of parseDenials(text)) {
    const key = `${d.label}\u0000${describeAccess(d)}`;
    const g = grouped.get(key);
    if (g) g.count++;
    else grouped.set(key, { d, count: 1 });
  }
  const out: DenialReport[] = [];
  for (const { d, count } of grouped.values()) {
    const tag = splitTag(d.label);
    if (!tag) continue;
    if (opts.snaps?.length && !opts.snaps.includes(tag.snap)) continue;
    const interfaces = interfacesGranting(d, sys.registry, sys.device.mode);
    const snap = sys.repo.snap(tag.snap);
    const access = describeAccess(d);
    const plug = snap && interfaces.map((i) => Object.values(snap.info.plugs).find((p) => p.interface === i)).find((p) => p !== undefined);
    let suggestion: string;
    if (plug) {
      const connected = sys.repo.activeConnections().some((c) => c.plug.snap === plug.snap && c.plug.name === plug.name);
      suggestion = connected
        ? `${plug.snap}:${plug.name} (${plug.interface}) is connected yet this was denied: check the ${plug.interface} interface's rules`
        : `connect ${plug.snap}:${plug.name} to grant ${access}`;
    } else if (interfaces.length) {
      suggestion = `the ${interfaces[0]} interface grants ${access}; ${tag.snap} ${snap ? `has no ${interfaces[0]} plug` : "is not installed"}`;
    } else {
      suggestion = "no interface grants this";
    }
    out.push({ snap: tag.snap, app: tag.app, access, count, suggestion, interfaces });
  }
  return out.sort((a, b) => (a.snap + a.app + a.access < b.snap + b.app + b.access ? -1 : 1));
}
